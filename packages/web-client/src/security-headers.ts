/**
 * The security headers both UIs send with their pages (their `proxy.ts` adds them to every page response).
 * Framework-free so that the policy is unit-tested once and shared.
 */

export interface PageSecurityOptions {
  /** A fresh, unpredictable value per response (see {@link createNonce}); Next puts it on its own scripts. */
  nonce: string;
  /**
   * Who may show the page in a frame: `'none'` for the consoles; the chat widget page takes the sources an admin
   * configured (e.g. `https://shop.example.com`, or `*` for any site).
   */
  frameAncestors: string;
  /** `next dev` evaluates code (React's call stacks) and needs `'unsafe-eval'`; never in production. */
  development?: boolean;
  /** Extra image sources (the agent UI shows remote images in emails once the agent allows them). */
  extraImageSources?: string[];
}

/** A base64 nonce from 16 random bytes (Web Crypto: works in Node and in Next's proxy runtime). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A nonce-based Content-Security-Policy: scripts only with this response's nonce (and what they load, through
 * `'strict-dynamic'`), no plugins, no `<base>` hijack, forms only to this origin, data only from this origin (the API
 * and socket.io are reached through the same-origin proxy). Styles allow inline `style` attributes (React sets
 * widths and heights that way); no script can run from a style.
 */
export function contentSecurityPolicy(options: PageSecurityOptions): string {
  const scriptSources = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSources],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...(options.extraImageSources ?? [])]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['frame-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', [options.frameAncestors]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Headers every response of the UIs carries (static files too). */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()',
};

/** The headers of one page response: the base ones, the policy, and `X-Frame-Options: DENY` when no site may frame it. */
export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  const headers: Record<string, string> = { ...BASE_SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(options) };
  if (options.frameAncestors.trim() === "'none'") headers['X-Frame-Options'] = 'DENY';
  return headers;
}

/**
 * The `frame-ancestors` sources for the chat widget page from a configured value: a space or comma separated list
 * of origins, `*` for any site, or `'none'`. Throws with a message naming `variable` when a source is not an origin.
 */
export function parseFrameAncestors(value: string | undefined, variable: string, fallback = '*'): string {
  const raw = value?.trim() ? value : fallback;
  const sources = raw.split(/[\s,]+/).filter(Boolean);
  for (const source of sources) {
    if (source === '*' || source === "'none'" || source === "'self'") continue;
    if (!/^(https?:\/\/)?(\*\.)?[a-z0-9.-]+(:(\d+|\*))?$/i.test(source)) {
      throw new Error(`${variable}: "${source}" is not an origin; write e.g. "https://shop.example.com https://*.example.org", "*" or "'none'"`);
    }
  }
  return sources.join(' ');
}
