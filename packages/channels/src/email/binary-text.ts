/**
 * Whether a decoded "text" body is really binary data: an Outlook `.msg`, a ZIP or a PDF sent as
 * the message body without a Content-Type (so it defaults to text/plain), or labelled text by
 * mistake. Such bytes must never reach keyword rules or predictors.
 */
const MAGIC_NUMBERS: { name: string; bytes: number[] }[] = [
  { name: 'an Outlook .msg / OLE document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'a ZIP / Office document', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
];

/** A magic number as the text it becomes, whether the parser decoded the bytes as Latin-1 or as UTF-8. */
const MAGIC_PREFIXES = MAGIC_NUMBERS.map(({ name, bytes }) => ({ name, prefixes: [Buffer.from(bytes).toString('latin1'), Buffer.from(bytes).toString('utf8')] }));

/** Characters that never occur in text: NUL and the C0 controls other than tab, newline, form feed, carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/g;

/** What binary content the text is (for the activity monitor), or null when it is text. */
export function describeBinaryText(text: string): string | null {
  const sample = text.slice(0, 8_192);
  if (sample.length === 0) return null;
  const magic = MAGIC_PREFIXES.find((candidate) => candidate.prefixes.some((prefix) => sample.startsWith(prefix)));
  if (magic) return magic.name;
  // Undecodable characters (U+FFFD) alone are not counted: they are text in an unlabelled charset.
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls / sample.length > 0.05) return 'binary data';
  return null;
}
