import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmailConfig } from './email-config.js';

describe('loadEmailConfig', () => {
  it('defaults to SMTP on 127.0.0.1:2525 without STARTTLS', () => {
    expect(loadEmailConfig({}, '/')).toEqual({
      smtp: {
        enabled: true,
        host: '127.0.0.1',
        port: 2525,
        maxMessageBytes: 25 * 1024 * 1024,
        maxClients: 100,
        maxConnectionsPerAddress: 10,
        maxRecipients: 50,
        idleTimeoutMs: 30_000,
        tls: { mode: 'disabled' },
      },
      processAttempts: 5,
      mailboxRefreshMs: 5000,
      defaultOutbound: { kind: 'outbox' },
    });
  });

  it('reads the default outbound transport: outbox, none or an SMTP relay URL', () => {
    expect(loadEmailConfig({ MAIL_DEFAULT_TRANSPORT: 'none' }, '/').defaultOutbound).toEqual({ kind: 'none' });
    expect(loadEmailConfig({ MAIL_DEFAULT_TRANSPORT: 'smtp://mailer:p%40ss@relay.example.com:2587', MAIL_DEFAULT_FROM: 'Support <help@example.com>' }, '/').defaultOutbound).toEqual({
      kind: 'smtp',
      settings: { host: 'relay.example.com', port: 2587, secure: false, user: 'mailer', password: 'p@ss', from: 'Support <help@example.com>' },
    });
    expect(loadEmailConfig({ MAIL_DEFAULT_TRANSPORT: 'smtps://relay.example.com' }, '/').defaultOutbound).toEqual({ kind: 'smtp', settings: { host: 'relay.example.com', port: 465, secure: true } });
    expect(() => loadEmailConfig({ MAIL_DEFAULT_TRANSPORT: 'sendmail' }, '/')).toThrow('MAIL_DEFAULT_TRANSPORT must be outbox, none, or an smtp:// or smtps:// URL; got "sendmail"');
    expect(() => loadEmailConfig({ MAIL_DEFAULT_TRANSPORT: 'http://relay.example.com' }, '/')).toThrow(/MAIL_DEFAULT_TRANSPORT .*"http:"/);
  });

  it('reads the STARTTLS key and certificate files', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'autocase-email-config-'));
    try {
      writeFileSync(path.join(folder, 'key.pem'), 'KEY');
      writeFileSync(path.join(folder, 'cert.pem'), 'CERT');
      const config = loadEmailConfig({ SMTP_PORT: '2526', SMTP_TLS_KEY_FILE: 'key.pem', SMTP_TLS_CERT_FILE: 'cert.pem', SMTP_TLS_REQUIRED: 'true', SMTP_ENABLED: 'no' }, folder);
      expect(config.smtp).toMatchObject({ enabled: false, port: 2526, tls: { mode: 'starttls', key: 'KEY', cert: 'CERT', required: true } });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads the connection, recipient and idle limits', () => {
    expect(loadEmailConfig({ SMTP_MAX_CLIENTS: '500', SMTP_MAX_CONNECTIONS_PER_ADDRESS: '20', SMTP_MAX_RECIPIENTS: '5', SMTP_IDLE_TIMEOUT_MS: '10000' }, '/').smtp).toMatchObject({
      maxClients: 500,
      maxConnectionsPerAddress: 20,
      maxRecipients: 5,
      idleTimeoutMs: 10_000,
    });
    expect(() => loadEmailConfig({ SMTP_IDLE_TIMEOUT_MS: '10' }, '/')).toThrow(/SMTP_IDLE_TIMEOUT_MS: /);
  });

  it('names what is wrong', () => {
    expect(() => loadEmailConfig({ SMTP_PORT: 'seventy' }, '/')).toThrow(/SMTP_PORT: /);
    expect(() => loadEmailConfig({ SMTP_TLS_KEY_FILE: 'key.pem' }, '/')).toThrow('set both SMTP_TLS_KEY_FILE and SMTP_TLS_CERT_FILE, or neither');
    expect(() => loadEmailConfig({ SMTP_TLS_KEY_FILE: 'missing-key.pem', SMTP_TLS_CERT_FILE: 'missing-cert.pem' }, '/nonexistent')).toThrow(/SMTP_TLS_KEY_FILE missing-key.pem cannot be read/);
  });
});
