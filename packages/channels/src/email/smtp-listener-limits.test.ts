import { connect, type Socket } from 'node:net';
import type { PluginContext } from '@autocase/core';
import { RecordingChannelHost } from '@autocase/core/testing';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpListenerChannel, SmtpListenerConfigSchema, type SmtpListenerConfigInput, type SmtpListenerConnection, type SmtpRejection } from './smtp-listener.js';

const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };
const MAILBOXES = ['support@autocase.test', 'sales@autocase.test', 'billing@autocase.test'];

const started: SmtpListenerConnection[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const connection of started.splice(0)) await connection.doStop();
});

async function start(config: Partial<SmtpListenerConfigInput> = {}): Promise<{ listener: SmtpListenerConnection; host: RecordingChannelHost; rejections: SmtpRejection[] }> {
  const host = new RecordingChannelHost();
  const listener = smtpListenerChannel.create(SmtpListenerConfigSchema.parse({ port: 0, mailboxes: MAILBOXES, ...config }), context);
  const rejections: SmtpRejection[] = [];
  listener.onRejection((rejection) => rejections.push(rejection));
  await listener.doStart(host);
  started.push(listener);
  return { listener, host, rejections };
}

/** A client that connects from `localAddress` and says nothing: resolves with the server's first reply line, and `closed` when the server hangs up. */
function idleClient(port: number, localAddress = '127.0.0.1'): Promise<{ greeting: string; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    sockets.push(socket);
    let received = '';
    const closed = new Promise<string>((resolveClosed) => socket.once('close', () => resolveClosed(received)));
    socket.on('data', (chunk: Buffer) => {
      const first = received === '';
      received += chunk.toString('utf8');
      if (first) resolve({ greeting: received.split('\r\n')[0] ?? '', closed });
    });
    socket.once('error', reject);
  });
}

async function send(port: number, to: string[], localAddress = '127.0.0.2') {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, localAddress });
  try {
    const info = await transport.sendMail({ from: 'jane@customer.example', to, subject: 'Hello', text: 'Hello' });
    return { code: 250, accepted: info.accepted, rejected: info.rejected };
  } catch (error) {
    return { code: (error as { responseCode?: number }).responseCode ?? 0, accepted: [], rejected: [] };
  } finally {
    transport.close();
  }
}

describe('SMTP listener limits', () => {
  it('caps recipients per message with 452 and stores the message for the ones it took', async () => {
    const { listener, host, rejections } = await start({ maxRecipients: 2 });
    const result = await send(listener.address().port, MAILBOXES);
    expect(result).toMatchObject({ code: 250, accepted: MAILBOXES.slice(0, 2), rejected: [MAILBOXES[2]] });
    expect(host.accepted).toHaveLength(1);
    expect(rejections).toEqual([{ code: 452, reason: '4.5.3 Too many recipients: at most 2 per message; send the rest in another message' }]);
  });

  it('closes a silent session with 421 after the idle timeout', async () => {
    const { listener } = await start({ socketTimeoutMs: 1000 });
    const startedAt = performance.now();
    const client = await idleClient(listener.address().port);
    expect(client.greeting).toMatch(/^220 /);
    expect(await client.closed).toMatch(/\r\n421 /);
    expect(performance.now() - startedAt).toBeLessThan(3000);
  });

  it('100 idle connections from one address take 10 slots: the rest get 421 and a real sender still gets 250', async () => {
    const { listener, host, rejections } = await start();
    const { port } = listener.address();
    const greetings = [];
    for (let index = 0; index < 100; index += 1) greetings.push((await idleClient(port)).greeting.slice(0, 3));
    expect(greetings.filter((code) => code === '220')).toHaveLength(10);
    expect(greetings.filter((code) => code === '421')).toHaveLength(90);
    expect(rejections[0]?.reason).toMatch(/^4\.7\.0 Too many connections from 127\.0\.0\.1 \(at most 10 at once\)/);
    expect((await send(port, [MAILBOXES[0]!])).code).toBe(250);
    expect(host.accepted).toHaveLength(1);
  }, 30_000);

  it('frees an address’s slots when its sessions close', async () => {
    const { listener } = await start({ maxConnectionsPerAddress: 1 });
    const { port } = listener.address();
    expect((await idleClient(port, '127.0.0.3')).greeting).toMatch(/^220 /);
    expect((await idleClient(port, '127.0.0.3')).greeting).toMatch(/^421 /);
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await idleClient(port, '127.0.0.3')).greeting).toMatch(/^220 /);
  });
});
