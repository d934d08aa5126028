/**
 * The tracking token a case carries in email subjects: `[CAS-00042]`. The prefix is the
 * configured case number prefix (settings `caseNumberPrefix`).
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function assertPrefix(prefix: string): void {
  if (!/^[A-Z][A-Z0-9]{1,9}$/.test(prefix)) throw new Error(`tracking token prefix "${prefix}" must be 2-10 uppercase letters or digits`);
}

/** `[CAS-00042]` for case number `CAS-00042`. */
export function formatTrackingToken(caseNumber: string): string {
  return `[${caseNumber}]`;
}

/** The case number of the last tracking token in a subject (`Re: [CAS-00042] Help` → `CAS-00042`), or null. */
export function findTrackingToken(subject: string, prefix = 'CAS'): string | null {
  assertPrefix(prefix);
  const pattern = new RegExp(`\\[\\s*(${escapeRegExp(prefix)})-(\\d{1,12})\\s*\\]`, 'gi');
  let found: string | null = null;
  for (const match of subject.matchAll(pattern)) found = `${match[1]!.toUpperCase()}-${match[2]}`;
  return found;
}

/** The subject with the case's token, added once: `[CAS-00042] Printer broken`. */
export function subjectWithTrackingToken(subject: string, caseNumber: string): string {
  const token = formatTrackingToken(caseNumber);
  if (subject.includes(token)) return subject;
  return subject.trim().length > 0 ? `${token} ${subject.trim()}` : token;
}

const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|réf|ref)\s*(\[\d+\])?\s*:\s*)+/i;

/** Subject without reply/forward prefixes, tracking tokens and extra spaces, lower-cased (loop guard key). */
export function normalizeSubject(subject: string, prefix = 'CAS'): string {
  assertPrefix(prefix);
  const withoutTokens = subject.replace(new RegExp(`\\[\\s*${escapeRegExp(prefix)}-\\d{1,12}\\s*\\]`, 'gi'), ' ');
  let previous = '';
  let current = withoutTokens;
  while (current !== previous) {
    previous = current;
    current = current.replace(REPLY_PREFIX, '').trim();
  }
  return current.replace(/\s+/g, ' ').toLowerCase();
}
