import { normalizeMessageId } from '@autocase/core';
import { simpleParser } from 'mailparser';

export interface ExtractedAttachment {
  filename: string | null;
  contentType: string;
  contentId: string | null;
  content: Uint8Array;
}

/**
 * One attachment of a stored raw message, by its position in `EmailMessage.attachments` or by
 * Content-ID (inline `cid:` images). Null when there is no such attachment.
 */
export async function extractAttachment(raw: Uint8Array, selector: { index: number } | { contentId: string }): Promise<ExtractedAttachment | null> {
  const parsed = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), { keepCidLinks: true, skipTextToHtml: true, skipImageLinks: true });
  const wanted = 'contentId' in selector ? normalizeMessageId(selector.contentId) : null;
  const attachment =
    'index' in selector ? parsed.attachments[selector.index] : parsed.attachments.find((candidate) => normalizeMessageId(candidate.contentId ?? candidate.cid ?? null) === wanted);
  if (!attachment) return null;
  const content: Buffer = Buffer.isBuffer(attachment.content) ? attachment.content : Buffer.alloc(0);
  return {
    filename: attachment.filename ?? null,
    contentType: attachment.contentType.toLowerCase(),
    contentId: normalizeMessageId(attachment.contentId ?? attachment.cid ?? null),
    content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
  };
}
