import type { PluginContext } from '@autocase/core';
import { RecordingChannelHost, runChannelContract } from '@autocase/core/testing';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type RunningDovecot } from '../testing/dovecot.js';
import { testImapConnection } from './imap-connection-test.js';
import { imapPollerChannel, ImapPollerConfigSchema, type ImapPollerConnection } from './imap-poller.js';

const USER = 'support@autocase.test';
const PASSWORD = 'imap-test-password';
const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };

let dovecot: RunningDovecot;
beforeAll(async () => {
  dovecot = await startDovecot({ users: { [USER]: PASSWORD } });
}, 20_000);
afterAll(async () => {
  await dovecot?.stop();
});

const settings = () => ({ host: '127.0.0.1', port: dovecot.port, secure: false, user: USER, password: PASSWORD, pollIntervalSeconds: 3600 });

async function withClient<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

const rawMessage = (id: string) => `From: Jane <jane@customer.example>\r\nTo: ${USER}\r\nSubject: Help ${id}\r\nMessage-ID: <${id}@customer.example>\r\n\r\nPlease help.\r\n`;

async function unseenCount(folder = 'INBOX'): Promise<number> {
  return withClient(async (client) => {
    const lock = await client.getMailboxLock(folder);
    try {
      return ((await client.search({ seen: false }, { uid: true })) || []).length;
    } finally {
      lock.release();
    }
  });
}

describe('IMAP poller against a real Dovecot server', () => {
  it('hands each unseen message to the host and flags it \\Seen only after accept resolved', async () => {
    await withClient(async (client) => {
      await client.append('INBOX', rawMessage('a1'));
      await client.append('INBOX', rawMessage('a2'));
    });
    const host = new RecordingChannelHost();
    host.down = true;
    const poller = imapPollerChannel.create(ImapPollerConfigSchema.parse({ accounts: [{ mailbox: USER, imap: settings() }] }), context);
    await poller.doStart(host);
    try {
      const [down] = await poller.pollNow();
      expect(down).toEqual({ mailbox: USER, taken: 0, leftForRetry: 2, error: null });
      expect(await unseenCount()).toBe(2);
      host.down = false;
      const [up] = await poller.pollNow();
      expect(up).toMatchObject({ taken: 2, leftForRetry: 0 });
      expect(await unseenCount()).toBe(0);
      expect(host.accepted.map((item) => new TextDecoder().decode(item.payload as Uint8Array))).toEqual([rawMessage('a1'), rawMessage('a2')]);
      expect(host.accepted[0]).toMatchObject({ kind: 'email.raw', address: USER, metadata: { transport: 'imap', folder: 'INBOX' } });
      expect((await poller.pollNow())[0]!.taken).toBe(0);
    } finally {
      await poller.doStop();
    }
  });

  it('moves taken messages when configured to, and reports a bad login', async () => {
    await withClient(async (client) => {
      await client.mailboxCreate('Taken');
      await client.append('INBOX', rawMessage('b1'));
    });
    const host = new RecordingChannelHost();
    const poller = imapPollerChannel.create(ImapPollerConfigSchema.parse({ accounts: [{ mailbox: USER, imap: { ...settings(), afterAccept: 'move', moveTo: 'Taken' } }] }), context);
    await poller.doStart(host);
    try {
      expect((await poller.pollNow())[0]).toMatchObject({ taken: 1 });
      const counts = await withClient(async (client) => [(await client.status('INBOX', { messages: true })).messages, (await client.status('Taken', { messages: true })).messages]);
      expect(counts).toEqual([2, 1]);
    } finally {
      await poller.doStop();
    }
    const wrong = imapPollerChannel.create(ImapPollerConfigSchema.parse({ accounts: [{ mailbox: USER, imap: { ...settings(), password: 'wrong' } }] }), context);
    await wrong.doStart(new RecordingChannelHost());
    const [report] = await wrong.pollNow();
    expect(report).toMatchObject({ taken: 0, error: expect.stringMatching(/^IMAP authentication failed for support@autocase.test/) });
    await wrong.doStop();
  }, 20_000);
});

describe('testImapConnection', () => {
  it('reports the folder status or the failed login', async () => {
    const ok = await testImapConnection({ ...settings(), folder: 'INBOX', afterAccept: 'mark-seen' });
    expect(ok).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected; INBOX has \d+ messages/) });
    const refused = await testImapConnection({ ...settings(), password: 'wrong', folder: 'INBOX', afterAccept: 'mark-seen' });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Authentication failed for support@autocase.test/) });
  }, 20_000);
});

runChannelContract({
  plugin: imapPollerChannel,
  config: () => ({ accounts: [{ mailbox: USER, imap: settings() }] }),
  invalidConfigs: [{ accounts: [] }, { accounts: [{ mailbox: USER, imap: { host: 'x', user: 'u', password: 'p', afterAccept: 'move' } }] }],
  expectedKind: 'email.raw',
  deliver: async (connection, attempt) => {
    await withClient((client) => client.append('INBOX', rawMessage(`contract-${attempt}-${Date.now()}`)));
    await (connection as ImapPollerConnection).pollNow();
    return { acknowledged: (await unseenCount()) === 0 };
  },
});
