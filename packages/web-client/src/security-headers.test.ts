import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, pageSecurityHeaders, parseFrameAncestors } from './security-headers.js';

describe('page security headers', () => {
  it('allows scripts only with the nonce and forbids framing of the consoles', () => {
    const headers = pageSecurityHeaders({ nonce: 'abc123', frameAncestors: "'none'" });
    const policy = headers['Content-Security-Policy'];
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toContain('camera=()');
  });

  it('lets the widget page be framed by the configured sites, without X-Frame-Options', () => {
    const headers = pageSecurityHeaders({ nonce: 'n', frameAncestors: 'https://shop.example.com' });
    expect(headers['Content-Security-Policy']).toContain('frame-ancestors https://shop.example.com');
    expect(headers['X-Frame-Options']).toBeUndefined();
  });

  it('adds unsafe-eval only for development and extra image sources when asked', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', frameAncestors: "'none'", development: true, extraImageSources: ['https:'] });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("img-src 'self' data: blob: https:");
  });

  it('makes a different nonce each time', () => {
    const nonces = new Set(Array.from({ length: 20 }, createNonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('parseFrameAncestors', () => {
  it('accepts origins, wildcards and keywords, comma or space separated', () => {
    expect(parseFrameAncestors('https://shop.example.com, https://*.example.org:8443', 'X')).toBe('https://shop.example.com https://*.example.org:8443');
    expect(parseFrameAncestors(undefined, 'X')).toBe('*');
    expect(parseFrameAncestors("'none'", 'X')).toBe("'none'");
  });

  it('names the variable for a source that is not an origin', () => {
    expect(() => parseFrameAncestors("https://shop.example.com; script-src 'unsafe-inline'", 'CHAT_WIDGET_FRAME_ANCESTORS')).toThrow(/CHAT_WIDGET_FRAME_ANCESTORS/);
  });
});
