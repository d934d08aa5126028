import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_OUTBOUND_TRANSPORT, parseDefaultOutboundTransport, type DefaultOutboundTransport } from './outbound-transport-config.js';

const EmailEnvironmentSchema = z.object({
  SMTP_ENABLED: z.enum(['true', 'false', '1', '0', 'yes', 'no']).default('true').transform((value) => ['true', '1', 'yes'].includes(value)),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** PEM files for STARTTLS; without them STARTTLS is off (development). */
  SMTP_TLS_KEY_FILE: z.string().min(1).optional(),
  SMTP_TLS_CERT_FILE: z.string().min(1).optional(),
  SMTP_TLS_REQUIRED: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  SMTP_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  /** Connections at once from everybody, and from one client address (421 beyond). */
  SMTP_MAX_CLIENTS: z.coerce.number().int().min(1).max(100_000).default(100),
  SMTP_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  /** RCPT TO per message (452 beyond). */
  SMTP_MAX_RECIPIENTS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** A silent SMTP session is closed (421) after this long. */
  SMTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  EMAIL_PROCESS_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** How often each process re-reads the mailboxes, to follow changes made through another process. */
  EMAIL_MAILBOX_REFRESH_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** Outbound transport of mailboxes without their own SMTP: outbox | none | smtp(s)://user:password@host:port. */
  MAIL_DEFAULT_TRANSPORT: z.string().min(1).default(DEFAULT_OUTBOUND_TRANSPORT),
  /** From address of mail sent through the default transport (default: the mailbox's address). */
  MAIL_DEFAULT_FROM: z.string().min(3).optional(),
});

export interface EmailChannelConfig {
  smtp: {
    enabled: boolean;
    host: string;
    port: number;
    maxMessageBytes: number;
    maxClients: number;
    maxConnectionsPerAddress: number;
    maxRecipients: number;
    idleTimeoutMs: number;
    tls: { mode: 'disabled' } | { mode: 'starttls'; key: string; cert: string; required: boolean };
  };
  processAttempts: number;
  mailboxRefreshMs: number;
  /** The transport of mailboxes without their own outbound SMTP (absent: the outbox). */
  defaultOutbound?: DefaultOutboundTransport;
}

/** Inbound email settings from the environment (SMTP_*); throws naming every bad variable. */
export function loadEmailConfig(environment: Record<string, string | undefined>, root: string): EmailChannelConfig {
  const parsed = EmailEnvironmentSchema.safeParse(environment);
  if (!parsed.success) throw new Error(`Invalid email configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const env = parsed.data;
  if (Boolean(env.SMTP_TLS_KEY_FILE) !== Boolean(env.SMTP_TLS_CERT_FILE)) throw new Error('Invalid email configuration: set both SMTP_TLS_KEY_FILE and SMTP_TLS_CERT_FILE, or neither');
  let tls: EmailChannelConfig['smtp']['tls'] = { mode: 'disabled' };
  if (env.SMTP_TLS_KEY_FILE && env.SMTP_TLS_CERT_FILE) {
    const read = (variable: string, file: string) => {
      try {
        return readFileSync(path.resolve(root, file), 'utf8');
      } catch (error) {
        throw new Error(`Invalid email configuration: ${variable} ${file} cannot be read: ${(error as Error).message}`);
      }
    };
    tls = { mode: 'starttls', key: read('SMTP_TLS_KEY_FILE', env.SMTP_TLS_KEY_FILE), cert: read('SMTP_TLS_CERT_FILE', env.SMTP_TLS_CERT_FILE), required: env.SMTP_TLS_REQUIRED };
  }
  let defaultOutbound: DefaultOutboundTransport;
  try {
    defaultOutbound = parseDefaultOutboundTransport(env.MAIL_DEFAULT_TRANSPORT, env.MAIL_DEFAULT_FROM);
  } catch (error) {
    throw new Error(`Invalid email configuration: ${(error as Error).message}`);
  }
  return {
    smtp: {
      enabled: env.SMTP_ENABLED,
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      maxMessageBytes: env.SMTP_MAX_MESSAGE_BYTES,
      maxClients: env.SMTP_MAX_CLIENTS,
      maxConnectionsPerAddress: env.SMTP_MAX_CONNECTIONS_PER_ADDRESS,
      maxRecipients: env.SMTP_MAX_RECIPIENTS,
      idleTimeoutMs: env.SMTP_IDLE_TIMEOUT_MS,
      tls,
    },
    processAttempts: env.EMAIL_PROCESS_ATTEMPTS,
    mailboxRefreshMs: env.EMAIL_MAILBOX_REFRESH_MS,
    defaultOutbound,
  };
}
