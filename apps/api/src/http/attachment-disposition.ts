import { create } from 'content-disposition';

/**
 * A `Content-Disposition: attachment` header for any file name (RFC 6266): an ASCII `filename` fallback and, when the
 * name is not plain ASCII, `filename*=UTF-8''…` (RFC 8187/5987), so `報告.pdf` and `café.pdf` download under their names.
 * Control characters (never meaningful in a file name) become `_`.
 */
export function attachmentDisposition(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = filename.replace(/[\u0000-\u001f\u007f]/g, '_').trim() || 'attachment';
  return create(cleaned);
}
