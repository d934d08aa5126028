import { normalizeMessageId, type MailMessage, type Mailer } from '@autocase/core';
import nodemailer from 'nodemailer';

const bracket = (messageId: string): string => `<${normalizeMessageId(messageId) ?? messageId}>`;

/**
 * A Mailer that delivers nothing: it renders the message as nodemailer would (so its Message-ID and
 * threading headers are the real ones) and hands it back. For development and demos: the host keeps
 * what was "sent" in its outbound log, where the UIs show it.
 */
export function createOutboxMailer(options: { defaultFrom?: string } = {}): Mailer {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(message: MailMessage): Promise<{ messageId: string }> {
      const info = await transport.sendMail({
        from: message.from || options.defaultFrom,
        to: message.to,
        ...(message.cc?.length ? { cc: message.cc } : {}),
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.messageId ? { messageId: bracket(message.messageId) } : {}),
        ...(message.inReplyTo ? { inReplyTo: bracket(message.inReplyTo) } : {}),
        ...(message.references?.length ? { references: message.references.map(bracket) } : {}),
      });
      return { messageId: normalizeMessageId(info.messageId) ?? info.messageId };
    },
  };
}
