import type { MailMessage, Mailer } from '../ports/services.js';

/** Records outgoing mail instead of sending it; can be told to fail. */
export class RecordingMailer implements Mailer {
  readonly sent: (MailMessage & { messageId: string })[] = [];
  private failure: unknown;

  failWith(error: unknown): this {
    this.failure = error;
    return this;
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    if (this.failure !== undefined) throw this.failure;
    const messageId = message.messageId ?? `<${this.sent.length + 1}.recording@autocase.test>`;
    this.sent.push({ ...structuredClone(message), messageId });
    return { messageId };
  }
}
