import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';

const MAX_TEXT_FOR_REPLY_PARSING = 100_000;

/** HTML to readable plain text: no link targets, no images, no line wrapping. */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
    ],
  }).trim();
}

const QUOTE_HEADER = /^(-{2,}\s*original message\s*-{2,}|_{5,}|from:\s.+|on .{3,200}(wrote|schrieb|a écrit|escribió)\s*:)\s*$/im;

/**
 * What the sender wrote in this message: quoted replies and the signature are removed
 * (email-reply-parser, then any remaining Outlook-style quote header). Falls back to the full
 * text when stripping would leave nothing.
 */
export function extractNewText(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').slice(0, MAX_TEXT_FOR_REPLY_PARSING);
  let reply: string;
  try {
    reply = new EmailReplyParser().parseReply(normalized);
  } catch {
    reply = normalized;
  }
  const quoteHeader = QUOTE_HEADER.exec(reply);
  if (quoteHeader && quoteHeader.index > 0) reply = reply.slice(0, quoteHeader.index);
  const trimmed = reply.replace(/\n{3,}/g, '\n\n').trim();
  return trimmed.length > 0 ? trimmed : normalized.trim();
}
