// Sends raw RFC 822 messages over SMTP with a fixed number of pooled connections (nodemailer).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export const BENCH_MAILBOX = 'support@bench.autocase.test';
const FALLBACK_SENDER = 'sender@bench.autocase.test';

/** The messages of a folder (sorted by file name), at most `limit`. */
export function loadMessages(folder, limit = Infinity) {
  const names = readdirSync(folder).filter((name) => !name.startsWith('.') && !name.startsWith('LICENSE')).sort();
  if (names.length === 0) throw new Error(`no messages in ${folder}`);
  return names.slice(0, limit).map((name) => ({ name, raw: readFileSync(join(folder, name)) }));
}

/** The sender address of a raw message's From header, for the SMTP envelope. */
export function envelopeSender(raw) {
  const headerEnd = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const headers = raw.subarray(0, headerEnd >= 0 ? headerEnd : Math.min(raw.length, 8192)).toString('latin1');
  const from = /^from:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1] ?? '';
  const address = /<([^<>\s@]+@[^<>\s@]+)>/.exec(from)?.[1] ?? /([^\s<>"(),;:]+@[^\s<>"(),;:]+)/.exec(from)?.[1];
  return address && /^[\x21-\x7e]+@[\x21-\x7e]+\.[a-z0-9-]+$/i.test(address) ? address : FALLBACK_SENDER;
}

/** Gives each message a new Message-ID (`<prefix.original>`) so a resend is a new email. */
export function withFreshMessageIds(messages, prefix) {
  return messages.map(({ name, raw }) => {
    const text = raw.toString('latin1');
    const replaced = /^message-id:/im.test(text) ? text.replace(/^(message-id:[ \t]*<?)/im, `$1${prefix}.`) : `Message-ID: <${prefix}.${name}@bench.autocase.test>\r\n${text}`;
    return { name, raw: Buffer.from(replaced, 'latin1') };
  });
}

/**
 * Sends every message to `recipient` over `connections` pooled SMTP connections spread over the
 * given ports (several API processes share them round-robin). Resolves with timings and counts;
 * refused messages are counted with their SMTP reply, never thrown.
 */
export async function sendMessages({ ports, messages, connections = 8, recipient = BENCH_MAILBOX }) {
  const transports = ports.map((port, index) =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: Math.floor(connections / ports.length) + (index < connections % ports.length ? 1 : 0),
      maxMessages: Infinity,
      socketTimeout: 120_000,
    }),
  );
  const startedAt = performance.now();
  const refusals = new Map();
  let accepted = 0;
  await Promise.all(
    messages.map(async ({ raw }, index) => {
      const transport = transports[index % transports.length];
      try {
        await transport.sendMail({ envelope: { from: envelopeSender(raw), to: [recipient] }, raw });
        accepted += 1;
      } catch (error) {
        const reply = String(error.response ?? error.message).slice(0, 120);
        refusals.set(reply, (refusals.get(reply) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  for (const transport of transports) transport.close();
  return { seconds, startedAt, accepted, refused: messages.length - accepted, refusals: Object.fromEntries(refusals) };
}
