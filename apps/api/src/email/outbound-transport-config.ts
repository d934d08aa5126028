import type { SmtpOutboundSettings } from '@autocase/core';

/**
 * The server's default outbound transport, used by every mailbox without its own SMTP settings:
 * `outbox` keeps what is sent in the database and delivers nothing (development, demos),
 * an SMTP relay (`smtp://user:password@host:587`, `smtps://…:465`) delivers, `none` refuses.
 */
export type DefaultOutboundTransport =
  | { kind: 'outbox' }
  | { kind: 'none' }
  | { kind: 'smtp'; settings: SmtpOutboundSettings };

export const DEFAULT_OUTBOUND_TRANSPORT = 'outbox';

/** Reads `MAIL_DEFAULT_TRANSPORT` (+ `MAIL_DEFAULT_FROM`); throws a message naming the variable. */
export function parseDefaultOutboundTransport(value: string, from: string | undefined): DefaultOutboundTransport {
  const text = value.trim();
  if (text === 'outbox') return { kind: 'outbox' };
  if (text === 'none') return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`MAIL_DEFAULT_TRANSPORT must be outbox, none, or an smtp:// or smtps:// URL; got "${text}"`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`MAIL_DEFAULT_TRANSPORT must be outbox, none, or an smtp:// or smtps:// URL; got the scheme "${url.protocol}"`);
  if (!url.hostname) throw new Error('MAIL_DEFAULT_TRANSPORT names no host');
  const secure = url.protocol === 'smtps:';
  const settings: SmtpOutboundSettings = { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : secure ? 465 : 587, secure };
  if (url.username) settings.user = decodeURIComponent(url.username);
  if (url.password) settings.password = decodeURIComponent(url.password);
  if (from) settings.from = from;
  if (url.searchParams.get('rejectUnauthorized') === 'false') settings.tls = { rejectUnauthorized: false };
  return { kind: 'smtp', settings };
}

/** Where the default transport sends, for people (never the password). */
export function describeDefaultTransport(transport: DefaultOutboundTransport): string {
  switch (transport.kind) {
    case 'outbox':
      return 'the server\'s outbox: messages are kept with the case and not delivered (MAIL_DEFAULT_TRANSPORT=outbox, for development)';
    case 'none':
      return 'nothing: the server has no default outbound transport (MAIL_DEFAULT_TRANSPORT=none)';
    case 'smtp':
      return `the server's SMTP relay ${transport.settings.host}:${transport.settings.port}`;
  }
}
