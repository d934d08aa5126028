import { newOutboundMessageId, subjectWithTrackingToken, type Case, type EmailMessage, type MailMessage } from '@autocase/core';

/**
 * An agent's email reply from a case: threaded on the latest email of the case (In-Reply-To,
 * References), with the case's tracking token in the subject and a fresh Message-ID that the
 * caller records in the OutboundMailLog (kind `agent-reply`) after sending.
 */
export function composeCaseReply(input: {
  caseRecord: Pick<Case, 'number' | 'title' | 'contactEmail'>;
  mailboxAddress: string;
  /** The From header; defaults to the mailbox address. */
  from?: string;
  /** The latest email of the case, to thread on; null when the case has none. */
  lastEmail: Pick<EmailMessage, 'messageId' | 'references' | 'subject' | 'from'> | null;
  text: string;
  html?: string;
  /** Recipients; default: the sender of the latest email, else the case's contact. */
  to?: string[];
}): MailMessage {
  const text = input.text.trim();
  if (!text) throw new Error('a reply needs some text');
  const to = input.to?.length ? input.to : [input.lastEmail?.from?.address || input.caseRecord.contactEmail || ''].filter(Boolean);
  if (to.length === 0) throw new Error(`case ${input.caseRecord.number} has no email address to reply to`);
  const baseSubject = input.lastEmail?.subject.trim() || input.caseRecord.title;
  const subject = /^re\s*:/i.test(baseSubject) ? baseSubject : `Re: ${baseSubject}`;
  const message: MailMessage = {
    from: input.from ?? input.mailboxAddress,
    to,
    subject: subjectWithTrackingToken(subject, input.caseRecord.number),
    text: input.text,
    messageId: newOutboundMessageId(input.mailboxAddress),
  };
  if (input.html) message.html = input.html;
  const lastId = input.lastEmail?.messageId;
  if (lastId) {
    message.inReplyTo = lastId;
    message.references = [...(input.lastEmail?.references ?? []), lastId];
  }
  return message;
}
