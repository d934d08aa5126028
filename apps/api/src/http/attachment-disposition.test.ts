import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './attachment-disposition.js';

/** The name a browser saves under: `filename*` (RFC 8187, UTF-8) wins over the ASCII `filename`. */
function savedName(header: string): string {
  const { parameters } = parse(header);
  const extended = parameters['filename*'];
  if (extended) return decodeURIComponent(extended.replace(/^UTF-8''/i, ''));
  return parameters.filename ?? '';
}

describe('attachmentDisposition', () => {
  it.each(['報告.pdf', 'café.pdf', 'plain.txt', 'quote "and" back\\slash.txt', 'Ünïcødé façade – 2026.xlsx'])('round-trips %s through a standard parser', (name) => {
    const header = attachmentDisposition(name);
    expect(header).toMatch(/^attachment; /);
    // Node refuses header values outside Latin-1 (ERR_INVALID_CHAR); everything must be ASCII.
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(parse(header).type).toBe('attachment');
    expect(savedName(header)).toBe(name);
  });

  it('replaces control characters and names an empty file "attachment"', () => {
    expect(savedName(attachmentDisposition('evil\r\nSet-Cookie: x.txt'))).toBe('evil__Set-Cookie: x.txt');
    expect(savedName(attachmentDisposition('  '))).toBe('attachment');
  });
});
