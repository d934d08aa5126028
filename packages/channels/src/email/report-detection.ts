import type { ParsedEmailDetails } from './parse-email.js';

/**
 * Machine reports that are not bounces: spam-complaint feedback reports (ARF, RFC 5965), also
 * when a provider wraps them loosely, and mailing-list managers' notices (moderation holds,
 * "you are not a member", loop alerts, replies to list commands). Each returns plain-words
 * signals; none means "not this kind".
 */

/** RFC 5965 §3.1 fields of the machine-readable part; Feedback-Type plus one more makes a report. */
const ARF_FEEDBACK_TYPE = /^feedback-type:\s*(abuse|fraud|virus|other|not-spam|auth-failure|opt-out|complaint)\b/im;
const ARF_OTHER_FIELD = /^(user-agent|version|original-mail-from|original-rcpt-to|arrival-date|source-ip|reported-domain|authentication-results|reporting-mta):/im;
/** The human-readable part feedback loops (AOL, Yahoo, Microsoft JMRP, ISPs) send. */
const ARF_INTRODUCTION = /\bthis is an? (e-?mail )?(abuse|spam|complaint) report for an? (e-?mail )?message\b|\bthis message is a (spam|abuse) complaint\b|\bfeedback loop (report|notification|complaint)\b/i;
const EMBEDDED_ARF = /report-type\s*=\s*"?feedback-report|content-type:\s*message\/feedback-report/i;

export function feedbackReportSignals(details: ParsedEmailDetails): string[] {
  const signals: string[] = [];
  const { text, headers } = details.email;
  const body = `${text.slice(0, 20_000)}\n${details.rawBody.slice(0, 64 * 1024)}`;
  if (ARF_FEEDBACK_TYPE.test(body) && ARF_OTHER_FIELD.test(body)) signals.push('spam-complaint feedback report (ARF fields Feedback-Type, User-Agent/Version in the body)');
  if (details.embeddedParts.some((part) => !part.contentType.startsWith('message/feedback-report') && EMBEDDED_ARF.test(part.text.slice(0, 16_000)))) {
    signals.push('spam-complaint feedback report forwarded inside another message');
  }
  if (ARF_INTRODUCTION.test(text.slice(0, 4_000))) signals.push("a feedback loop's complaint wording");
  if (headers['x-hmxmroriginalrecipient']) signals.push("Microsoft's complaint header X-HmXmrOriginalRecipient");
  return signals;
}

const LIST_MANAGER_SENDER =
  /^((mailman|majordomo|listserv|listproc|sympa|ezmlm|lyris|ecartis|smartlist|mlmmj|listmaster|list-manager)([+.\-_].*)?|[^@]*-(request|owner|bounces|admin|help)(\+[^@]*)?|owner-[^@]+)@/i;
const LIST_MANAGER_NAME = /\b(l-soft list server|mailman|majordomo|listserv|sympa|ezmlm|mailing list manager)\b/i;

/** What list managers say: moderation, membership, loops, command results, subscription steps. */
const LIST_NOTICE_WORDING = [
  /\bloop (alert|detected)\b|\bmail loop\b/i,
  /\b(you are|you're|sender is) not (a member|subscribed)\b|\bnon-?member\b|\bnot a (list )?member\b/i,
  /\bawaits? (list )?moderator approval\b|\bheld (for|until the list) moderat|\bis being held until\b/i,
  /\bresults? of your (e-?mail |mail )?commands?\b|\bmajordomo results\b|\boutput of your job\b|\bcommand (results|confirmation)\b|\bunknown command\b|\bcommand .{0,40} not recognized\b/i,
  /\bezmlm (response|program)\b|\bthis is the ezmlm program\b/i,
  /\bconfirm (your )?(subscription|subscribe|unsubscribe)\b|\bwelcome to the .{1,80} (mailing )?list\b|\byou have been (un)?subscribed\b|\bsubscription (request|confirmation)\b/i,
  /\b(posting|post|message) (to .{1,80} )?(rejected|restricted|held|refused)\b|\brequest to mailing list .{1,80} rejected\b/i,
];

export function listManagerSignals(details: ParsedEmailDetails): string[] {
  const { headers, from, subject, text } = details.email;
  const signals: string[] = [];
  if (headers['x-list-administrivia']?.[0]?.trim().toLowerCase() === 'yes') signals.push("a mailing-list manager's notice (X-List-Administrivia: yes)");
  const sender = from?.address ?? '';
  const fromManager = LIST_MANAGER_SENDER.test(sender) || LIST_MANAGER_NAME.test(from?.name ?? '');
  const wording = LIST_NOTICE_WORDING.some((pattern) => pattern.test(subject) || pattern.test(text.slice(0, 2_000)));
  if (fromManager && wording) signals.push(`a mailing-list manager's notice from ${sender || from?.name} (moderation, membership, loop or command reply)`);
  return signals;
}
