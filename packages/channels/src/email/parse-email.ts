import { createHash } from 'node:crypto';
import { normalizeMessageId, splitMessageIds, type EmailAddress, type EmailAttachmentMeta, type ParsedEmail } from '@autocase/core';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { describeBinaryText } from './binary-text.js';
import { classifyEmail } from './classify-email.js';
import { extractNewText, htmlToPlainText } from './extract-new-text.js';

/** `notes`: how the message was read, when not as usual (no header lines, a binary body); for the activity monitor. */
export type ParseEmailResult = { ok: true; email: ParsedEmail; notes?: string[] } | { ok: false; error: string };

/** A message part that carries another message's headers (inside bounces and reports). */
export interface EmbeddedMessagePart {
  contentType: string;
  /** The first 64 KiB of the part, as text. */
  text: string;
}

/** Everything the classifier needs, beyond the parsed email itself. */
export interface ParsedEmailDetails {
  email: Omit<ParsedEmail, 'classification'>;
  embeddedParts: EmbeddedMessagePart[];
  /** `Content-Type` of the top-level message, lower-cased, with parameters. */
  contentType: string;
  /** SMTP MAIL FROM when known; `''` is the null sender. */
  envelopeSender: string | null;
  /** The undecoded body (first 256 KiB), where a bounce may quote the returned message's headers. */
  rawBody: string;
  /** How the message was read when not as usual (a binary body left unread). */
  notes: string[];
}

function rawBodyOf(raw: Uint8Array): string {
  const text = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 256 * 1024)).toString('latin1');
  const headerEnd = text.search(/\r?\n\r?\n/);
  return headerEnd >= 0 ? text.slice(headerEnd) : '';
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const addresses: EmailAddress[] = [];
  const visit = (entries: AddressObject['value']): void => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address !== undefined || entry.name) {
        const address: EmailAddress = { address: (entry.address ?? '').trim().toLowerCase() };
        if (entry.name?.trim()) address.name = entry.name.trim();
        addresses.push(address);
      }
    }
  };
  for (const object of objects) visit(object.value);
  return addresses;
}

function headerMap(parsed: ParsedMail): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of parsed.headerLines) {
    if (!key) continue;
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    (headers[key.toLowerCase()] ??= []).push(value);
  }
  return headers;
}

function attachmentMeta(attachment: Attachment): EmailAttachmentMeta {
  const content: Buffer = Buffer.isBuffer(attachment.content) ? attachment.content : Buffer.alloc(0);
  return {
    filename: attachment.filename ?? null,
    contentType: attachment.contentType.toLowerCase(),
    size: attachment.size ?? content.byteLength,
    contentId: normalizeMessageId(attachment.contentId ?? attachment.cid ?? null),
    inline: attachment.contentDisposition === 'inline' || Boolean(attachment.related),
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

const EMBEDDED_TYPES = /^(message\/(rfc822|global|global-headers|delivery-status|feedback-report|disposition-notification)|text\/rfc822-headers)/i;

function embeddedParts(parsed: ParsedMail): EmbeddedMessagePart[] {
  return parsed.attachments
    .filter((attachment) => EMBEDDED_TYPES.test(attachment.contentType))
    .map((attachment) => ({
      contentType: attachment.contentType.toLowerCase(),
      text: Buffer.isBuffer(attachment.content) ? attachment.content.subarray(0, 64 * 1024).toString('utf8') : '',
    }));
}

function dateOf(parsed: ParsedMail): string | null {
  const time = parsed.date?.getTime();
  return time !== undefined && Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** Parses without classifying: the parsed email, embedded message parts, top-level content type. */
export async function parseEmailDetails(raw: Uint8Array, options: { envelopeSender?: string | null } = {}): Promise<ParsedEmailDetails> {
  const parsed = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), { keepCidLinks: true, skipTextToHtml: true, skipImageLinks: true });
  const headers = headerMap(parsed);
  const html = typeof parsed.html === 'string' && parsed.html.length > 0 ? parsed.html : null;
  const decoded = parsed.text?.trim() ? parsed.text : html ? htmlToPlainText(html) : '';
  const binary = describeBinaryText(decoded);
  const text = binary ? '' : decoded;
  const from = addressesOf(parsed.from)[0] ?? null;
  const references = typeof parsed.references === 'string' ? splitMessageIds(parsed.references) : (parsed.references ?? []).flatMap((value) => splitMessageIds(value));
  const email: Omit<ParsedEmail, 'classification'> = {
    messageId: normalizeMessageId(parsed.messageId),
    inReplyTo: splitMessageIds(parsed.inReplyTo),
    references,
    from,
    replyTo: addressesOf(parsed.replyTo),
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    date: dateOf(parsed),
    text,
    html,
    newText: extractNewText(text),
    headers,
    attachments: parsed.attachments.map(attachmentMeta),
  };
  return { email, embeddedParts: embeddedParts(parsed), contentType: (headers['content-type']?.[0] ?? 'text/plain').toLowerCase(), envelopeSender: options.envelopeSender ?? null, rawBody: rawBodyOf(raw), notes: binary ? [`the body is ${binary}, not text: it stays in the raw message and no rule or predictor read it`] : [] };
}

/** The bytes behind an empty header block, so a message without header lines is read as a body. */
function asBodyOnly(raw: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(raw.byteLength + 2);
  bytes.set([13, 10]);
  bytes.set(raw, 2);
  return bytes;
}

/**
 * Parses and classifies a raw message. Never throws: a message that cannot be parsed gives
 * `{ ok: false, error }` so the caller can keep it as `failed` with that reason. A message
 * without header lines is read whole as its body (a case can still be opened from it).
 */
export async function parseEmail(raw: Uint8Array, options: { envelopeSender?: string | null } = {}): Promise<ParseEmailResult> {
  try {
    if (raw.byteLength === 0) return { ok: false, error: 'the message is empty' };
    let details = await parseEmailDetails(raw, options);
    const notes: string[] = [];
    if (Object.keys(details.email.headers).length === 0) {
      details = await parseEmailDetails(asBodyOnly(raw), options);
      if (!details.email.text.trim()) return { ok: false, error: 'the message has no header lines and no text' };
      notes.push('the message has no header lines: it was read whole as its body, without sender, subject or Message-ID');
    }
    notes.push(...details.notes);
    const email = { ...details.email, classification: classifyEmail(details) };
    return notes.length > 0 ? { ok: true, email, notes } : { ok: true, email };
  } catch (error) {
    return { ok: false, error: `unparsable message: ${error instanceof Error ? error.message : String(error)}` };
  }
}
