import type { AddressInfo } from 'node:net';
import type { ChannelConnection, ChannelHost, ChannelPlugin, PluginContext } from '@autocase/core';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { z } from 'zod';

const PEM = /-----BEGIN [A-Z0-9 ]+-----/;

export const SmtpListenerConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port (see `address()`). */
  port: z.number().int().min(0).max(65535).default(2525),
  /** Name announced in the greeting. */
  hostname: z.string().min(1).default('autocase.local'),
  /** RCPT TO is accepted only for these addresses (550 otherwise); `updateMailboxes` changes them at run time. */
  mailboxes: z.array(z.string().trim().toLowerCase().email('each mailbox must be an email address such as support@example.com')).default([]),
  /** Larger messages are refused with 552. */
  maxMessageBytes: z.number().int().min(1024, 'maxMessageBytes must be at least 1024').default(25 * 1024 * 1024),
  /**
   * STARTTLS with the given PEM key and certificate, or disabled (development). The certificate
   * bundled with smtp-server is never used.
   */
  tls: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('disabled') }),
      z.object({
        mode: z.literal('starttls'),
        key: z.string().regex(PEM, 'tls.key must be a PEM private key (-----BEGIN … PRIVATE KEY-----)'),
        cert: z.string().regex(PEM, 'tls.cert must be a PEM certificate (-----BEGIN CERTIFICATE-----)'),
        /** Refuse MAIL FROM before STARTTLS (530). */
        required: z.boolean().default(false),
      }),
    ])
    .default({ mode: 'disabled' }),
  /** Connections at once, from everybody (421 beyond). */
  maxClients: z.number().int().min(1).default(100),
  /** Connections at once from one client address (421 beyond), so one host cannot take every slot. */
  maxConnectionsPerAddress: z.number().int().min(1).default(10),
  /** RCPT TO per message (452 beyond: the sender sends the rest in another message). */
  maxRecipients: z.number().int().min(1).default(50),
  /** A session silent this long is closed with 421, freeing its slot. */
  socketTimeoutMs: z.number().int().min(1000).default(30_000),
});
export type SmtpListenerConfig = z.infer<typeof SmtpListenerConfigSchema>;
export type SmtpListenerConfigInput = z.input<typeof SmtpListenerConfigSchema>;

/** An SMTP reply: smtp-server answers with `responseCode` and the message. */
function smtpReply(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * A refused SMTP command: the reply code (421 too many connections from one address, 451 storage
 * down, 452 too many recipients, 550 unknown mailbox, 552 too large, 530 STARTTLS first) and why.
 */
export interface SmtpRejection {
  code: 421 | 451 | 452 | 530 | 550 | 552;
  reason: string;
}

export interface SmtpListenerConnection extends ChannelConnection {
  /** Calls `listener` for every refusal it answers (metrics, alerts). */
  onRejection(listener: (rejection: SmtpRejection) => void): void;
  /** Where it listens, once started. */
  address(): { host: string; port: number };
  /** Replaces the accepted RCPT TO addresses (when an admin adds or removes a mailbox). */
  updateMailboxes(addresses: string[]): void;
}

class SmtpListener implements SmtpListenerConnection {
  private server: SMTPServer | null = null;
  private host: ChannelHost | null = null;
  private mailboxes: Set<string>;
  /** Open sessions per client address (only those that were let in). */
  private readonly sessionsByAddress = new Map<string, Set<string>>();
  private readonly rejectionListeners: ((rejection: SmtpRejection) => void)[] = [];

  constructor(
    private readonly config: SmtpListenerConfig,
    private readonly context: PluginContext,
  ) {
    this.mailboxes = new Set(config.mailboxes);
  }

  updateMailboxes(addresses: string[]): void {
    this.mailboxes = new Set(addresses.map((address) => address.trim().toLowerCase()));
  }

  address(): { host: string; port: number } {
    const address = this.server?.server.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the SMTP listener is not started');
    return { host: address.address, port: address.port };
  }

  async doStart(host: ChannelHost): Promise<void> {
    if (this.server) throw new Error('the SMTP listener is already started');
    this.host = host;
    const { tls } = this.config;
    const server = new SMTPServer({
      name: this.config.hostname,
      banner: 'Autocase inbound mail',
      logger: false,
      secure: false,
      authOptional: true,
      disabledCommands: tls.mode === 'disabled' ? ['AUTH', 'STARTTLS'] : ['AUTH'],
      ...(tls.mode === 'starttls' ? { key: tls.key, cert: tls.cert } : {}),
      size: this.config.maxMessageBytes,
      maxClients: this.config.maxClients,
      socketTimeout: this.config.socketTimeoutMs,
      onConnect: (session, callback) => {
        const address = session.remoteAddress;
        const open = this.sessionsByAddress.get(address) ?? new Set<string>();
        if (open.size >= this.config.maxConnectionsPerAddress) {
          return callback(this.reject(421, `4.7.0 Too many connections from ${address} (at most ${this.config.maxConnectionsPerAddress} at once); try again later`));
        }
        open.add(session.id);
        this.sessionsByAddress.set(address, open);
        callback();
      },
      onClose: (session) => {
        const open = this.sessionsByAddress.get(session.remoteAddress);
        if (!open?.delete(session.id)) return;
        if (open.size === 0) this.sessionsByAddress.delete(session.remoteAddress);
      },
      onMailFrom: (_address, session, callback) => {
        if (tls.mode === 'starttls' && tls.required && !session.secure) return callback(this.reject(530, '5.7.0 Must issue a STARTTLS command first'));
        callback();
      },
      onRcptTo: (address, session, callback) => {
        const recipient = address.address.trim().toLowerCase();
        if (session.envelope.rcptTo.length >= this.config.maxRecipients) return callback(this.reject(452, `4.5.3 Too many recipients: at most ${this.config.maxRecipients} per message; send the rest in another message`));
        if (!this.mailboxes.has(recipient)) return callback(this.reject(550, `5.1.1 <${recipient}>: no such mailbox here`));
        callback();
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    server.on('error', (error) => this.context.logger.warn('SMTP listener error', { message: error.message }));
    await new Promise<void>((resolve, reject) => {
      const onListenError = (error: Error) => reject(new Error(`SMTP listener could not listen on ${this.config.host}:${this.config.port}: ${error.message}`, { cause: error }));
      server.server.once('error', onListenError);
      server.listen(this.config.port, this.config.host, () => {
        server.server.off('error', onListenError);
        resolve();
      });
    });
    this.server = server;
  }

  onRejection(listener: (rejection: SmtpRejection) => void): void {
    this.rejectionListeners.push(listener);
  }

  private reject(code: SmtpRejection['code'], reason: string): Error & { responseCode: number } {
    for (const listener of this.rejectionListeners) {
      try {
        listener({ code, reason });
      } catch (error) {
        this.context.logger.warn('SMTP rejection listener failed', { message: error instanceof Error ? error.message : String(error) });
      }
    }
    return smtpReply(code, reason);
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= this.config.maxMessageBytes) chunks.push(chunk);
    });
    stream.on('error', (error: Error) => callback(this.reject(451, `4.3.0 Could not read the message: ${error.message}`)));
    stream.on('end', () => {
      if (stream.sizeExceeded || size > this.config.maxMessageBytes) {
        callback(this.reject(552, `5.3.4 Message is larger than the limit of ${this.config.maxMessageBytes} bytes`));
        return;
      }
      void this.store(Buffer.concat(chunks), session).then(
        (id) => callback(null, `2.0.0 Stored as ${id}`),
        (error: unknown) => {
          this.context.logger.warn('inbound email not stored; answered 451 so the sender retries', { message: error instanceof Error ? error.message : String(error) });
          callback(this.reject(451, '4.3.0 Temporary storage failure, please try again later'));
        },
      );
    });
  }

  private async store(raw: Buffer, session: SMTPServerSession): Promise<string> {
    if (!this.host) throw new Error('the SMTP listener is not started');
    const rcptTo = session.envelope.rcptTo.map((recipient) => recipient.address.trim().toLowerCase());
    const mailFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address.trim().toLowerCase();
    const { id } = await this.host.accept({
      kind: 'email.raw',
      payload: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength),
      address: rcptTo.find((recipient) => this.mailboxes.has(recipient)) ?? rcptTo[0]!,
      receivedAt: this.context.now().toISOString(),
      metadata: { transport: 'smtp', mailFrom, rcptTo, remoteAddress: session.remoteAddress, clientHostname: session.clientHostname, tls: session.secure },
    });
    return id;
  }

  async doStop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Inbound SMTP: answers 250 only once the host durably stored the message, 451 when it could not. */
export interface SmtpListenerPlugin extends ChannelPlugin<SmtpListenerConfig> {
  create(config: SmtpListenerConfig, context: PluginContext): SmtpListenerConnection;
}

export const smtpListenerChannel: SmtpListenerPlugin = {
  specificationVersion: 'v1',
  id: 'email-smtp',
  configSchema: SmtpListenerConfigSchema,
  create: (config, context) => new SmtpListener(config, context),
};
