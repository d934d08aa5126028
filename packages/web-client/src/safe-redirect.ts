/**
 * The path to go to after signing in, when `next` points at this app; otherwise `fallback`.
 * `next` is resolved with `URL` against `origin` (the app's own), so every trick a browser would follow to another
 * host (`//host`, `/\host`, `/%5Chost`, `/%09/host`, `http://host`, `javascript:`) is recognised by the parser that the
 * browser itself uses. Paths under `excludedPrefix` (the sign-in page) fall back too, to avoid a loop.
 */
export function safeRedirectPath(next: string | null | undefined, origin: string, fallback: string, excludedPrefix = '/sign-in'): string {
  if (!next || !next.startsWith('/')) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    // Decoding first matters: Next's router and some browsers decode `%5C` / `%09` before they navigate.
    const decoded = safeDecode(next);
    if (decoded === null || hasControlOrBackslash(decoded) || hasControlOrBackslash(next)) return fallback;
    target = new URL(next, base);
    const decodedTarget = new URL(decoded, base);
    if (decodedTarget.origin !== base.origin) return fallback;
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (path === excludedPrefix || path.startsWith(`${excludedPrefix}/`) || path.startsWith(`${excludedPrefix}?`)) return fallback;
  return path;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function hasControlOrBackslash(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f\\]/.test(value);
}
