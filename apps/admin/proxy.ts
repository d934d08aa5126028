import { createNonce, pageSecurityHeaders } from '@autocase/web-client';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Forwards `/api/*` to the Autocase API read from API_URL when the server starts (not when it was built),
 * so one build serves any API address. next.config.ts keeps the same rewrite as the build-time default.
 * Every page gets a fresh CSP nonce (Next reads it from the request's Content-Security-Policy and puts it on its
 * scripts) and the security headers; no site may frame the console.
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const apiUrl = (process.env.API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
    const target = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${apiUrl}/`);
    return NextResponse.rewrite(target);
  }
  const headers = pageSecurityHeaders({ nonce: createNonce(), frameAncestors: "'none'", development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    '/api/:path*',
    // Pages (not Next's static files, which get the base headers from next.config.ts, nor prefetches).
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
