import { ImapSettingsSchema, type ChannelConnection, type ChannelHost, type ChannelPlugin, type ImapSettings, type PluginContext } from '@autocase/core';
import { ImapFlow } from 'imapflow';
import { z } from 'zod';

export const ImapPollerConfigSchema = z.object({
  accounts: z
    .array(
      z.object({
        /** The Autocase mailbox address the account's mail belongs to. */
        mailbox: z.string().trim().toLowerCase().email('mailbox must be an email address such as support@example.com'),
        imap: ImapSettingsSchema,
      }),
    )
    .min(1, 'at least one IMAP account is needed'),
  /** Connection and command timeout. */
  timeoutMs: z.number().int().min(1000).default(30_000),
});
export type ImapPollerConfig = z.infer<typeof ImapPollerConfigSchema>;

/** What one poll of one account did. */
export interface ImapPollReport {
  mailbox: string;
  /** Messages stored by the host and then flagged \Seen or moved. */
  taken: number;
  /** Left in place (unseen) because the host could not store them; retried on the next poll. */
  leftForRetry: number;
  /** Connection or IMAP error that stopped the poll, if any. */
  error: string | null;
}

export interface ImapPollerConnection extends ChannelConnection {
  /** Polls every account now (waiting for a poll in progress first). */
  pollNow(): Promise<ImapPollReport[]>;
}

type Account = ImapPollerConfig['accounts'][number];

class ImapPoller implements ImapPollerConnection {
  private host: ChannelHost | null = null;
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** One poll at a time per account: the tail of its chain. */
  private running = new Map<string, Promise<ImapPollReport>>();
  private stopped = true;

  constructor(
    private readonly config: ImapPollerConfig,
    private readonly context: PluginContext,
  ) {}

  async doStart(host: ChannelHost): Promise<void> {
    this.host = host;
    this.stopped = false;
    for (const account of this.config.accounts) this.schedule(account, 0);
  }

  private schedule(account: Account, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      void this.poll(account).finally(() => this.schedule(account, account.imap.pollIntervalSeconds * 1000));
    }, delayMs);
    timer.unref();
    this.timers.set(account.mailbox, timer);
  }

  pollNow(): Promise<ImapPollReport[]> {
    return Promise.all(this.config.accounts.map((account) => this.poll(account)));
  }

  private poll(account: Account): Promise<ImapPollReport> {
    const previous = this.running.get(account.mailbox) ?? Promise.resolve(null);
    const next = previous.then(() => this.pollOnce(account));
    this.running.set(account.mailbox, next);
    return next;
  }

  private async pollOnce(account: Account): Promise<ImapPollReport> {
    const report: ImapPollReport = { mailbox: account.mailbox, taken: 0, leftForRetry: 0, error: null };
    if (this.stopped || !this.host) return report;
    const client = this.client(account.imap);
    client.on('error', (error: Error) => this.context.logger.warn('IMAP connection error', { mailbox: account.mailbox, message: error.message }));
    try {
      await client.connect();
      const lock = await client.getMailboxLock(account.imap.folder);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          if (this.stopped) break;
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          try {
            await this.host.accept({
              kind: 'email.raw',
              payload: new Uint8Array(message.source.buffer, message.source.byteOffset, message.source.byteLength),
              address: account.mailbox,
              receivedAt: this.context.now().toISOString(),
              metadata: { transport: 'imap', host: account.imap.host, folder: account.imap.folder, uid },
            });
          } catch (error) {
            report.leftForRetry += 1;
            this.context.logger.warn('IMAP message not stored; left unseen for the next poll', { mailbox: account.mailbox, uid, message: error instanceof Error ? error.message : String(error) });
            continue;
          }
          if (account.imap.afterAccept === 'move' && account.imap.moveTo) await client.messageMove(String(uid), account.imap.moveTo, { uid: true });
          else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          report.taken += 1;
        }
      } finally {
        lock.release();
      }
      await client.logout();
    } catch (error) {
      const details = error as { authenticationFailed?: boolean; responseText?: string; message?: string };
      const reason = [details.message ?? String(error), details.responseText].filter(Boolean).join(': ');
      report.error = details.authenticationFailed ? `IMAP authentication failed for ${account.imap.user}: ${reason}` : reason;
      this.context.logger.warn('IMAP poll failed', { mailbox: account.mailbox, message: report.error });
      client.close();
    }
    return report;
  }

  private client(settings: ImapSettings): ImapFlow {
    return new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.password },
      logger: false,
      connectionTimeout: this.config.timeoutMs,
      greetingTimeout: this.config.timeoutMs,
      socketTimeout: this.config.timeoutMs * 4,
      ...(settings.tls ? { tls: { rejectUnauthorized: settings.tls.rejectUnauthorized } } : {}),
    });
  }

  async doStop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
  }
}

/** Polls IMAP accounts; a message is flagged \Seen (or moved) only after the host stored it. */
export interface ImapPollerPlugin extends ChannelPlugin<ImapPollerConfig> {
  create(config: ImapPollerConfig, context: PluginContext): ImapPollerConnection;
}

export const imapPollerChannel: ImapPollerPlugin = {
  specificationVersion: 'v1',
  id: 'email-imap',
  configSchema: ImapPollerConfigSchema,
  create: (config, context) => new ImapPoller(config, context),
};
