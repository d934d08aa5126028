import type { Case } from '../domain/case.js';
import { AcknowledgementTemplateSchema, normalizeMessageId, type Mailbox, type ParsedEmail } from '../domain/email.js';
import type { OutboundMailLog, SenderActivityStore } from '../ports/email-ports.js';
import type { Mailer } from '../ports/services.js';
import { buildAcknowledgement, defaultSenderLimits, mayAcknowledgeSender, newOutboundMessageId, type SenderLimits } from './process-inbound-email-acknowledgement.js';
import { normalizeSubject } from './process-inbound-email-tracking-token.js';

export interface AcknowledgementPorts {
  outboundLog: OutboundMailLog;
  senderActivity: SenderActivityStore;
  mailerFor?: (mailbox: Mailbox | null) => Mailer | null;
  limits?: SenderLimits;
}

/**
 * Sends the mailbox's acknowledgement for a new case, unless the sender's hourly limit is
 * reached or no mailer is configured; records its Message-ID for threading and bounces.
 * A sending failure is reported in `note` and never fails the email's processing.
 */
export async function sendAcknowledgement(
  ports: AcknowledgementPorts,
  input: { mailbox: Mailbox | null; mailboxAddress: string; caseRecord: Case; parsed: ParsedEmail; now: Date },
): Promise<{ sent: boolean; note: string }> {
  const { mailbox, caseRecord, parsed, now } = input;
  const recipient = parsed.replyTo.find((address) => address.address)?.address || parsed.from?.address;
  if (!recipient) return { sent: false, note: 'acknowledgement not sent: no sender address' };
  const mailer = ports.mailerFor?.(mailbox) ?? null;
  if (!mailer) return { sent: false, note: `acknowledgement not sent: mailbox ${input.mailboxAddress} has no outbound mail configured` };
  if (!(await mayAcknowledgeSender(ports.senderActivity, recipient, now, ports.limits ?? defaultSenderLimits))) {
    return { sent: false, note: `acknowledgement not sent: ${recipient} reached the limit of ${(ports.limits ?? defaultSenderLimits).acknowledgementsPerSenderPerHour} per hour` };
  }
  const messageId = newOutboundMessageId(input.mailboxAddress);
  const at = now.toISOString();
  let message: ReturnType<typeof buildAcknowledgement> | null = null;
  try {
    message = buildAcknowledgement({
      template: mailbox?.acknowledgement ?? AcknowledgementTemplateSchema.parse({}),
      mailbox: { address: input.mailboxAddress, displayName: mailbox?.displayName, from: mailbox?.smtp?.from },
      caseRecord,
      email: parsed,
      messageId,
    });
    const sent = await mailer.send(message);
    await ports.outboundLog.record({ messageId: normalizeMessageId(sent.messageId) ?? messageId, caseId: caseRecord.id, kind: 'acknowledgement', to: message.to, subject: message.subject, sentAt: at, text: message.text, delivery: 'sent' });
    await ports.senderActivity.record({ sender: recipient, kind: 'acknowledgement', subjectKey: normalizeSubject(parsed.subject), at });
    return { sent: true, note: `acknowledgement sent to ${recipient}` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The case shows the acknowledgement that did not go out, and why.
    if (message) await ports.outboundLog.record({ messageId, caseId: caseRecord.id, kind: 'acknowledgement', to: message.to, subject: message.subject, sentAt: at, text: message.text, delivery: 'failed', deliveryError: reason }).catch(() => undefined);
    return { sent: false, note: `acknowledgement to ${recipient} failed: ${reason}` };
  }
}
