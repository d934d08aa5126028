// Reading raw messages for the spam classifier: parsed as the API parses them, optionally
// without the upstream verdict headers (X-Spam-*, Authentication-Results).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEmail } from '@autocase/channels/email';

const VERDICT_HEADER = /^(x-spam[a-z-]*|authentication-results)\s*:/i;

/** The raw bytes without the upstream verdict headers (and their folded lines). */
export function withoutVerdictHeaders(raw) {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return raw;
  const lines = text.slice(0, end).split(/(?<=\n)/);
  const kept = [];
  let dropping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = VERDICT_HEADER.test(line);
    if (!dropping) kept.push(line);
  }
  return Buffer.from(kept.join('') + text.slice(end), 'latin1');
}

/** The message files of a corpus folder (`*.txt` or numbered files), sorted. */
export function messageFiles(folder) {
  return readdirSync(folder).filter((name) => /^\d{5}\./.test(name) && !name.endsWith('.json')).sort().map((name) => join(folder, name));
}

/** Parses the messages of a folder (the first `limit`): `{ file, raw, parsed, stripped }` (parsed without the verdict headers). */
export async function loadMessages(folder, { limit = Infinity } = {}) {
  const messages = [];
  for (const file of messageFiles(folder).slice(0, limit)) {
    const raw = readFileSync(file);
    const withoutVerdict = withoutVerdictHeaders(raw);
    const original = await parseEmail(raw);
    const stripped = withoutVerdict.equals(raw) ? original : await parseEmail(withoutVerdict);
    if (!original.ok || !stripped.ok) continue;
    messages.push({ file, raw, parsed: original.email, stripped: stripped.email });
  }
  return messages;
}

/** Body text normalised for finding the same message in two corpora. */
export const bodyKey = (email) => email.text.replace(/\s+/g, ' ').trim().slice(0, 2000);
