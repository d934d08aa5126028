import { splitMessageIds, type EmailClassification } from '@autocase/core';
import { autoReplyEvidence } from './auto-reply-signals.js';
import type { ParsedEmailDetails } from './parse-email.js';
import { feedbackReportSignals, listManagerSignals } from './report-detection.js';

/**
 * Who sent it: a mail server reporting a delivery failure (bounce), another machine report
 * (multipart/report, ARF abuse feedback, read receipts), an auto-responder (RFC 3834), or a
 * person; and whether it is bulk or list mail. Pure over the parsed message.
 */

const MAILER_DAEMON = /^(mailer-daemon|post_?master|mail-daemon|mailerdaemon|mail\.delivery\.system|maildelivery|mdaemon|bounces?|double-bounce|bounce-notification)([+.\-_].*)?@/i;

const BOUNCE_SUBJECTS = [
  /undeliver(ed|able)/i,
  /delivery (status notification|failure|has failed|failed|problem|notification)/i,
  /(mail|message) delivery (failed|failure|has failed)/i,
  /returned mail/i,
  /^failure notice/i,
  /non[- ]?deliver(y|able)/i,
  /mail system error/i,
  /could not (be )?deliver/i,
  /^(delivery )?warning: could not send message/i,
  /^undelivered mail returned to sender/i,
  /^mail delivery (subsystem|system)/i,
  /permanent (delivery )?(error|failure)/i,
  /delivery notification: delivery has failed/i,
  /rejected:/i,
  /^(unzustellbar|non remis|no entregado|onbestelbaar)/i,
  /^返信：?不達|不達|配信不能|エラー/,
  /^\[?mail(er)?[- ]daemon/i,
  /message not delivered/i,
  /^(nondeliverable|not delivered)/i,
  /^bounced? mail/i,
  /^sorry, your message/i,
  /error (sending|delivering) your (mail|message)/i,
];

const BOUNCE_BODIES = [
  /this is the mail system at host/i,
  /this is the qmail-send program/i,
  /this message was created automatically by mail delivery software/i,
  /the original message was received at/i,
  /delivery to the following recipients? (failed|was unsuccessful)/i,
  /your message (could not|cannot|wasn't|was not) (be )?delivered/i,
  /i'm sorry to have to inform you that your message could not/i,
  /message delivery to .* failed/i,
  /delivery has failed to these recipients/i,
  /unable to deliver (your )?message/i,
  /permanent fatal errors/i,
  /the following addresses had permanent fatal errors/i,
  /(recipient|mailbox) (address )?(rejected|unavailable|unknown|not found|does not exist)/i,
  /user unknown/i,
  /\b(5\.\d{1,3}\.\d{1,3})\b.*(fail|reject|unknown|not exist|denied)/i,
  /mail delivery failed: returning message to sender/i,
  /could not be delivered to/i,
  /(hard|soft) bounce/i,
  /there was an error delivering your mail/i,
  /could not deliver\b/i,
];

/** Amazon SES event notifications delivered by mail (SNS): `"notificationType":"Bounce"`. */
const SES_NOTIFICATION = /\\?"notificationType\\?"\s*:\s*\\?"(Bounce|Complaint|Delivery)\\?"/;

function firstHeader(headers: Record<string, string[]>, name: string): string | null {
  return headers[name]?.[0]?.trim() ?? null;
}

function parameter(contentType: string, name: string): string | null {
  const match = new RegExp(`${name}\\s*=\\s*"?([^";\\s]+)"?`, 'i').exec(contentType);
  return match ? match[1]!.toLowerCase() : null;
}

function bulkSignals(headers: Record<string, string[]>): string[] {
  const signals: string[] = [];
  const precedence = firstHeader(headers, 'precedence')?.toLowerCase();
  if (precedence && /^(bulk|junk|list)\b/.test(precedence)) signals.push(`Precedence: ${precedence}`);
  for (const name of ['list-id', 'list-post', 'list-unsubscribe', 'x-mailing-list', 'mailing-list']) {
    if (headers[name]) {
      signals.push(`${name} header`);
      break;
    }
  }
  return signals;
}

/**
 * Bounce evidence. Structural signals (a delivery-status part, X-Failed-Recipients, a
 * mailer-daemon sender) decide alone; a failure-notice subject or text only together with
 * another signal, so a person discussing mail problems is not taken for a mail server.
 */
function bounceSignals(details: ParsedEmailDetails): { signals: string[]; conclusive: boolean } {
  const { headers, subject, from, text } = details.email;
  const structural: string[] = [];
  if (details.embeddedParts.some((part) => part.contentType.startsWith('message/delivery-status'))) structural.push('message/delivery-status part');
  if (headers['x-failed-recipients']) structural.push('X-Failed-Recipients header');
  if (from?.address && MAILER_DAEMON.test(from.address)) structural.push(`sender ${from.address}`);
  else if (from && !from.address && /^(mailer-daemon|postmaster)$/i.test(from.name ?? '')) structural.push(`sender ${from.name} <>`);
  const sesNotification = SES_NOTIFICATION.exec(text.slice(0, 20_000));
  if (sesNotification?.[1] === 'Bounce') structural.push('Amazon SES bounce notification');
  const supporting: string[] = [];
  const returnPath = firstHeader(headers, 'return-path');
  if (details.envelopeSender === '' || (returnPath !== null && /^<\s*>$/.test(returnPath))) supporting.push('null sender <>');
  if (BOUNCE_SUBJECTS.some((pattern) => pattern.test(subject))) supporting.push(`failure-notice subject "${subject.slice(0, 80)}"`);
  if (BOUNCE_BODIES.some((pattern) => pattern.test(text.slice(0, 20_000)))) supporting.push('failure-notice text');
  if (details.embeddedParts.length > 0 && supporting.length > 0) supporting.push('returned message attached');
  const signals = [...structural, ...supporting];
  return { signals, conclusive: structural.length > 0 || supporting.length >= 2 };
}

/** The Message-ID of the message a bounce is about: from the returned message or headers, else quoted in the text. */
export function findBouncedMessageId(details: ParsedEmailDetails): string | null {
  const own = details.email.messageId;
  const sources = [...details.embeddedParts.filter((part) => !part.contentType.startsWith('message/delivery-status')).map((part) => part.text), details.email.text, details.rawBody];
  for (const source of sources) {
    const unfolded = source.replace(/\r?\n[ \t]+/g, ' ');
    for (const match of unfolded.matchAll(/^[ \t>]*message-id\s*:\s*(.+)$/gim)) {
      const id = splitMessageIds(match[1])[0];
      if (id && id !== own) return id;
    }
  }
  return null;
}

export function classifyEmail(details: ParsedEmailDetails): EmailClassification {
  const bulk = bulkSignals(details.email.headers);
  const reportType = details.contentType.startsWith('multipart/report') ? parameter(details.contentType, 'report-type') ?? 'unknown' : null;
  const result = (kind: EmailClassification['kind'], signals: string[], bouncedMessageId: string | null = null): EmailClassification => ({
    kind,
    bulk: bulk.length > 0,
    signals: [...signals, ...bulk],
    bouncedMessageId,
  });
  if (reportType === 'delivery-status') return result('bounce', ['multipart/report; report-type=delivery-status'], findBouncedMessageId(details));
  const bounce = bounceSignals(details);
  if (bounce.conclusive) return result('bounce', reportType ? [`multipart/report; report-type=${reportType}`, ...bounce.signals] : bounce.signals, findBouncedMessageId(details));
  if (reportType !== null) return result('report', [`multipart/report; report-type=${reportType}`]);
  const automatedReport = [...feedbackReportSignals(details), ...listManagerSignals(details)];
  if (automatedReport.length > 0) return result('report', automatedReport);
  if (details.embeddedParts.some((part) => part.contentType.startsWith('message/feedback-report'))) return result('report', ['message/feedback-report part']);
  const sesNotification = SES_NOTIFICATION.exec(details.email.text.slice(0, 20_000))?.[1];
  if (sesNotification === 'Complaint' || sesNotification === 'Delivery') return result('report', [`Amazon SES ${sesNotification.toLowerCase()} notification`]);
  const autoReply = autoReplyEvidence(details, bounce.signals.includes('null sender <>'));
  if (autoReply.isAutoReply) return result('auto-reply', autoReply.signals);
  if (bounce.signals.includes('null sender <>')) return result('bounce', bounce.signals, findBouncedMessageId(details));
  return result('regular', []);
}
