import { normalizeMessageId, PluginError, type MailMessage, type Mailer, type SmtpOutboundSettings } from '@autocase/core';
import nodemailer from 'nodemailer';

const bracket = (messageId: string): string => `<${normalizeMessageId(messageId) ?? messageId}>`;

function asPluginError(error: unknown): PluginError {
  const details = error as { code?: string; responseCode?: number; message?: string };
  const message = `sending mail failed: ${details.message ?? String(error)}`;
  if (details.code === 'EAUTH') return new PluginError('AUTH', message, { cause: error });
  if (typeof details.responseCode === 'number' && details.responseCode >= 500) return new PluginError('INVALID_INPUT', message, { cause: error });
  return new PluginError('TEMPORARY', message, { cause: error });
}

export interface SmtpMailer extends Mailer {
  /** Checks the connection and credentials (for the admin's "test settings" button). */
  verify(): Promise<void>;
  close(): void;
}

/**
 * A Mailer over an SMTP relay (nodemailer). Our own Message-ID, In-Reply-To and References are
 * kept as given so replies thread; failures are PluginErrors (`TEMPORARY` for 4xx and network
 * trouble, `INVALID_INPUT` for 5xx, `AUTH` for bad credentials).
 */
export function createSmtpMailer(settings: SmtpOutboundSettings, options: { defaultFrom?: string } = {}): SmtpMailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    ...(settings.tls ? { tls: { rejectUnauthorized: settings.tls.rejectUnauthorized } } : {}),
  });
  return {
    async send(message: MailMessage): Promise<{ messageId: string }> {
      const from = message.from || settings.from || options.defaultFrom;
      if (!from) throw new PluginError('INVALID_INPUT', 'sending mail failed: the message has no From address and the mailbox none configured');
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          ...(message.cc?.length ? { cc: message.cc } : {}),
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.messageId ? { messageId: bracket(message.messageId) } : {}),
          ...(message.inReplyTo ? { inReplyTo: bracket(message.inReplyTo) } : {}),
          ...(message.references?.length ? { references: message.references.map(bracket) } : {}),
          ...(message.headers ? { headers: message.headers } : {}),
        });
        if (info.accepted.length === 0) throw Object.assign(new Error(`every recipient was rejected: ${info.rejected.join(', ')}`), { responseCode: 550 });
        return { messageId: normalizeMessageId(info.messageId) ?? info.messageId };
      } catch (error) {
        throw PluginError.is(error) ? error : asPluginError(error);
      }
    },
    async verify(): Promise<void> {
      try {
        await transport.verify();
      } catch (error) {
        throw asPluginError(error);
      }
    },
    close(): void {
      transport.close();
    },
  };
}
