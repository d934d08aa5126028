import type { Mailbox, PluginContext } from '@autocase/core';
import { imapPollerChannel, ImapPollerConfigSchema, smtpListenerChannel, SmtpListenerConfigSchema, type ImapPollerConnection, type SmtpListenerConnection } from '@autocase/channels/email';
import type { Logger } from 'pino';
import type { EmailChannelConfig } from './email-config.js';
import type { EmailIntake } from './email-intake.js';

/** Runs the SMTP listener and the IMAP poller of the configured mailboxes; follows mailbox changes. */
export class EmailChannels {
  private smtp: SmtpListenerConnection | null = null;
  private imap: ImapPollerConnection | null = null;
  private readonly context: PluginContext;
  private appliedMailboxes = '';
  private watchTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: EmailChannelConfig,
    private readonly intake: EmailIntake,
    private readonly logger: Logger,
    signal: AbortSignal,
    now: () => Date,
    private readonly onSmtpRejection: (code: number) => void = () => undefined,
  ) {
    const child = logger.child({ component: 'email-channels' });
    this.context = {
      logger: {
        debug: (message, data) => child.debug(data ?? {}, message),
        info: (message, data) => child.info(data ?? {}, message),
        warn: (message, data) => child.warn(data ?? {}, message),
        error: (message, data) => child.error(data ?? {}, message),
      },
      fetch: globalThis.fetch.bind(globalThis),
      now,
      signal,
    };
  }

  async start(mailboxes: Mailbox[]): Promise<void> {
    const { smtp } = this.config;
    if (smtp.enabled) {
      const listener = smtpListenerChannel.create(
        SmtpListenerConfigSchema.parse({
          host: smtp.host,
          port: smtp.port,
          maxMessageBytes: smtp.maxMessageBytes,
          maxClients: smtp.maxClients,
          maxConnectionsPerAddress: smtp.maxConnectionsPerAddress,
          maxRecipients: smtp.maxRecipients,
          socketTimeoutMs: smtp.idleTimeoutMs,
          tls: smtp.tls,
          mailboxes: this.addresses(mailboxes),
        }),
        this.context,
      );
      listener.onRejection((rejection) => this.onSmtpRejection(rejection.code));
      try {
        await listener.doStart(this.intake);
        this.smtp = listener;
        this.logger.info({ ...listener.address(), starttls: smtp.tls.mode === 'starttls' }, 'inbound SMTP listening');
      } catch (error) {
        this.logger.error({ err: error }, 'inbound SMTP could not start; email still arrives over IMAP and HTTP');
      }
    }
    await this.startImap(mailboxes);
    this.appliedMailboxes = mailboxSignature(mailboxes);
  }

  /**
   * Follows mailbox changes made by another API process sharing the database (an admin's change in
   * this process is applied at once through `mailboxesChanged`): every `intervalMs` the list is read
   * again and applied when it differs from what runs here.
   */
  watchMailboxes(listMailboxes: () => Promise<Mailbox[]>, intervalMs: number): void {
    this.watchTimer = setInterval(() => {
      void listMailboxes()
        .then(async (mailboxes) => {
          if (mailboxSignature(mailboxes) !== this.appliedMailboxes) await this.mailboxesChanged(mailboxes);
        })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not re-read the mailboxes'));
    }, intervalMs);
    this.watchTimer.unref();
  }

  /** Where the SMTP listener listens, when it runs. */
  smtpAddress(): { host: string; port: number } | null {
    return this.smtp ? this.smtp.address() : null;
  }

  /** Polls every IMAP mailbox now (tests, an admin's "fetch now"). */
  async pollImapNow() {
    return this.imap ? this.imap.pollNow() : [];
  }

  /** After an admin changed mailboxes: new RCPT TO addresses, IMAP accounts restarted. */
  async mailboxesChanged(mailboxes: Mailbox[]): Promise<void> {
    this.appliedMailboxes = mailboxSignature(mailboxes);
    this.smtp?.updateMailboxes(this.addresses(mailboxes));
    await this.imap?.doStop();
    this.imap = null;
    await this.startImap(mailboxes);
  }

  async stop(): Promise<void> {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
    await this.imap?.doStop();
    await this.smtp?.doStop();
    this.imap = null;
    this.smtp = null;
  }

  private addresses(mailboxes: Mailbox[]): string[] {
    return mailboxes.filter((mailbox) => mailbox.enabled).map((mailbox) => mailbox.address);
  }

  private async startImap(mailboxes: Mailbox[]): Promise<void> {
    const accounts = mailboxes.filter((mailbox) => mailbox.enabled && mailbox.imap).map((mailbox) => ({ mailbox: mailbox.address, imap: mailbox.imap! }));
    if (accounts.length === 0) return;
    const poller = imapPollerChannel.create(ImapPollerConfigSchema.parse({ accounts }), this.context);
    await poller.doStart(this.intake);
    this.imap = poller;
  }
}

/** What the channels run from: enabled addresses and IMAP accounts (passwords included, so a changed one restarts the poller). */
function mailboxSignature(mailboxes: Mailbox[]): string {
  return JSON.stringify(mailboxes.filter((mailbox) => mailbox.enabled).map((mailbox) => [mailbox.address, mailbox.imap ?? null]));
}
