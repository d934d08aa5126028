import type { Mailbox, Mailer } from '@autocase/core';
import { createOutboxMailer, createSmtpMailer, type SmtpMailer } from '@autocase/channels/email';
import { describeDefaultTransport, type DefaultOutboundTransport } from './outbound-transport-config.js';

/** Which transport a mailbox's replies and acknowledgements use. */
export interface OutboundTransportView {
  /** `mailbox-smtp`: its own SMTP settings; `server-smtp`: the server's relay; `outbox`: kept, not delivered; `none`: sending fails. */
  kind: 'mailbox-smtp' | 'server-smtp' | 'outbox' | 'none';
  /** Whether mail actually leaves the server. */
  delivers: boolean;
  /** For people, e.g. "the mailbox's own SMTP server smtp.example.com:587". */
  description: string;
}

export interface OutboundRoute extends OutboundTransportView {
  mailer: Mailer;
}

function fromOf(mailbox: Mailbox): string {
  return mailbox.displayName ? `"${mailbox.displayName.replace(/"/g, '')}" <${mailbox.address}>` : mailbox.address;
}

/** The relay's From (`MAIL_DEFAULT_FROM`) replaces the mailbox address when set. */
function withFixedFrom(mailer: Mailer, from: string | undefined): Mailer {
  return from ? { send: (message) => mailer.send({ ...message, from }) } : mailer;
}

/**
 * Picks the transport of each mailbox: its own SMTP settings when it has them, else the server's
 * default (`MAIL_DEFAULT_TRANSPORT`). One nodemailer transport per mailbox and settings, reused.
 */
export class OutboundTransports {
  private readonly mailers = new Map<string, { key: string; mailer: SmtpMailer }>();
  private readonly outbox: Mailer;

  constructor(private readonly defaultTransport: DefaultOutboundTransport = { kind: 'outbox' }) {
    this.outbox = createOutboxMailer();
  }

  describe(mailbox: Mailbox | null): OutboundTransportView {
    if (mailbox?.smtp) return { kind: 'mailbox-smtp', delivers: true, description: `the mailbox's own SMTP server ${mailbox.smtp.host}:${mailbox.smtp.port}` };
    const description = describeDefaultTransport(this.defaultTransport);
    if (this.defaultTransport.kind === 'smtp') return { kind: 'server-smtp', delivers: true, description };
    if (this.defaultTransport.kind === 'outbox') return { kind: 'outbox', delivers: false, description };
    return { kind: 'none', delivers: false, description };
  }

  routeFor(mailbox: Mailbox | null): OutboundRoute | null {
    if (!mailbox) return null;
    const view = this.describe(mailbox);
    if (view.kind === 'none') return null;
    if (view.kind === 'outbox') return { ...view, mailer: this.outbox };
    const settings = mailbox.smtp ?? (this.defaultTransport.kind === 'smtp' ? this.defaultTransport.settings : null);
    if (!settings) return null;
    const cacheKey = `${view.kind}:${mailbox.address}`;
    const key = JSON.stringify(settings);
    const cached = this.mailers.get(cacheKey);
    if (cached?.key === key) return { ...view, mailer: cached.mailer };
    cached?.mailer.close();
    const mailer = createSmtpMailer(settings, { defaultFrom: fromOf(mailbox) });
    this.mailers.set(cacheKey, { key, mailer });
    return { ...view, mailer: view.kind === 'server-smtp' ? withFixedFrom(mailer, settings.from) : mailer };
  }

  close(): void {
    for (const { mailer } of this.mailers.values()) mailer.close();
    this.mailers.clear();
  }
}
