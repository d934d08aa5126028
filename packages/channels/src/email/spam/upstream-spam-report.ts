import type { AuthenticationResult, UpstreamSpamReport } from '@autocase/core';

/**
 * What the upstream mail server said about a message: SpamAssassin / rspamd headers
 * (`X-Spam-Flag`, `X-Spam-Status`, `X-Spam-Score`, `X-Spam`) and the topmost
 * `Authentication-Results` (RFC 8601; the one our own server added; lower ones may be forged
 * by the sender). Pure over the lower-cased header map.
 */
export function readUpstreamSpamReport(headers: Record<string, string[]>): UpstreamSpamReport {
  const first = (name: string) => headers[name]?.[0]?.trim() ?? null;
  const status = first('x-spam-status');
  const flagHeader = first('x-spam-flag') ?? first('x-spam');
  let flagged: boolean | null = null;
  if (flagHeader !== null) flagged = /^(yes|true|1)\b/i.test(flagHeader);
  if (status !== null) flagged = (flagged ?? false) || /^yes\b/i.test(status);
  const statusScore = status ? numberAfter(status, /(?:score|hits)\s*=\s*(-?\d+(?:\.\d+)?)/i) : null;
  const score = numberAfter(first('x-spam-score') ?? '', /^(-?\d+(?:\.\d+)?)/) ?? statusScore;
  const required = status ? numberAfter(status, /required\s*=\s*(-?\d+(?:\.\d+)?)/i) : null;
  const authentication = first('authentication-results') ?? '';
  return { flagged, score, required, spf: method(authentication, 'spf'), dkim: method(authentication, 'dkim'), dmarc: method(authentication, 'dmarc') };
}

function numberAfter(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

const RESULTS = new Set(['pass', 'fail', 'softfail', 'none', 'neutral', 'temperror', 'permerror', 'policy']);

/** The result of one method (`dmarc=fail`); with several (two DKIM signatures), a pass wins. */
function method(authentication: string, name: string): AuthenticationResult {
  const results = [...authentication.matchAll(new RegExp(`(?:^|[;\\s])${name}\\s*=\\s*([a-z]+)`, 'gi'))].map((match) => match[1]!.toLowerCase()).filter((result) => RESULTS.has(result));
  if (results.length === 0) return null;
  return (results.includes('pass') ? 'pass' : results[0]) as AuthenticationResult;
}
