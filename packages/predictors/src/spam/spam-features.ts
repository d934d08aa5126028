import type { ParsedEmail } from '@autocase/core';

/** What the spam classifier reads of an email. Never the upstream X-Spam-* verdict headers. */
export type SpamFeatureInput = Pick<ParsedEmail, 'subject' | 'from' | 'text' | 'html' | 'headers' | 'attachments'>;

const WORD = /[\p{L}\p{N}$][\p{L}\p{N}'$!.-]*[\p{L}\p{N}$!]|[\p{L}\p{N}$]/gu;
const MAX_TEXT = 30_000;
const MAX_HTML = 50_000;

/** Lower-cased words of 3 to 20 characters (shorter ones are mostly noise: hex, encodings). */
function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((word) => word.length >= 3 && word.length <= 20);
}

function firstHeader(headers: Record<string, string[]>, name: string): string | null {
  return headers[name]?.[0] ?? null;
}

/**
 * The distinct terms of an email the classifier weighs: body words, subject words (`s:`),
 * sender name and domain (`fn:`, `fd:`), link domains (`url:`), HTML tags and attributes,
 * and a few structural marks (content type, charset, mailer, missing Message-ID, shouting).
 * Routing headers (Received, Delivered-To, List-*) are left out: they describe the mail
 * system it went through, not the message.
 */
export function spamTerms(email: SpamFeatureInput): string[] {
  const terms = new Set<string>();
  const add = (term: string) => terms.add(term);
  for (const word of words(email.subject)) add(`s:${word}`);
  if (/[A-Z]{4,}/.test(email.subject) && email.subject === email.subject.toUpperCase()) add('s:ALLCAPS');
  if (email.subject.includes('!')) add('s:BANG');
  if (/\$|\d+%/.test(email.subject)) add('s:MONEY');
  if (/\s{5,}\S+$/.test(email.subject)) add('s:TRAILID');
  if (email.from) {
    const [local = '', domain = ''] = email.from.address.split('@');
    add(`fd:${domain}`);
    add(`ftld:${domain.split('.').pop() ?? ''}`);
    add(`fl:${local.replace(/\d/g, '#').replace(/[a-z]+/g, 'a')}`);
    if (email.from.name) for (const word of words(email.from.name)) add(`fn:${word}`);
    else add('fn:NONE');
  }
  const text = email.text.slice(0, MAX_TEXT);
  for (const word of words(text)) add(word);
  const html = email.html?.slice(0, MAX_HTML) ?? '';
  const contentType = (firstHeader(email.headers, 'content-type') ?? 'text/plain').toLowerCase();
  if (html) {
    add('h:html');
    if (contentType.startsWith('text/html')) add('h:htmlonly');
    for (const match of html.matchAll(/<([a-z]+)[\s>]/gi)) add(`tag:${match[1]!.toLowerCase()}`);
    for (const match of html.matchAll(/\b(color|size|face|bgcolor|align|href|src)\s*=/gi)) add(`attr:${match[1]!.toLowerCase()}`);
  }
  for (const match of `${text} ${html}`.matchAll(/https?:\/\/([^/\s"'<>:]+)/gi)) {
    const host = match[1]!.toLowerCase();
    add(`url:${host.split('.').slice(-2).join('.')}`);
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) add('url:IP');
  }
  if (/mailto:/i.test(text) || /mailto:/i.test(html)) add('MAILTO');
  add(`ct:${contentType.split(';')[0]!.trim()}`);
  const charset = /charset="?([^";\s]+)/i.exec(contentType);
  if (charset) add(`cs:${charset[1]!.toLowerCase()}`);
  const transferEncoding = firstHeader(email.headers, 'content-transfer-encoding');
  if (transferEncoding) add(`cte:${transferEncoding.toLowerCase()}`);
  const mailer = firstHeader(email.headers, 'x-mailer') ?? firstHeader(email.headers, 'user-agent');
  if (mailer) for (const word of words(mailer).slice(0, 2)) add(`xm:${word}`);
  else add('xm:NONE');
  if (!firstHeader(email.headers, 'message-id')) add('NOMSGID');
  if (!firstHeader(email.headers, 'date')) add('NODATE');
  const to = firstHeader(email.headers, 'to');
  if (!to) add('NOTO');
  else if (/undisclosed|recipient list/i.test(to)) add('TO:undisclosed');
  if (firstHeader(email.headers, 'in-reply-to') || firstHeader(email.headers, 'references')) add('REPLY');
  for (const attachment of email.attachments) add(`att:${attachment.contentType.toLowerCase()}`);
  const upper = text.match(/[A-Z]/g)?.length ?? 0;
  const letters = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (letters > 50) add(`upper:${Math.min(5, Math.floor((upper / letters) * 10))}`);
  return [...terms];
}
