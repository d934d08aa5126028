import { createNonce, pageSecurityHeaders, parseFrameAncestors } from '@autocase/web-client';
import { NextResponse, type NextRequest } from 'next/server';

/** Who may embed the chat widget page (`/chat`): CHAT_WIDGET_FRAME_ANCESTORS, read when the server starts. */
const widgetFrameAncestors = parseFrameAncestors(process.env.CHAT_WIDGET_FRAME_ANCESTORS, 'CHAT_WIDGET_FRAME_ANCESTORS');

function isWidgetPage(pathname: string): boolean {
  return pathname === '/chat' || pathname.startsWith('/chat/');
}

/**
 * Forwards `/api/*` and socket.io's HTTP transport to the Autocase API read from API_URL when the server
 * starts (not when it was built), so one build serves any API address. next.config.ts keeps the same
 * rewrites as the build-time default (they also carry WebSocket upgrades).
 * Every page gets a fresh CSP nonce (Next reads it from the request's Content-Security-Policy and puts it on its
 * scripts) and the security headers; only the widget page may be framed, by the configured sites.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/api/') || pathname.startsWith('/socket.io/')) {
    const apiUrl = (process.env.API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
    const target = new URL(`${pathname}${request.nextUrl.search}`, `${apiUrl}/`);
    return NextResponse.rewrite(target);
  }
  const headers = pageSecurityHeaders({
    nonce: createNonce(),
    frameAncestors: isWidgetPage(pathname) ? widgetFrameAncestors : "'none'",
    development: process.env.NODE_ENV === 'development',
    // Remote images in an email's HTML, shown only after the agent chose "Load remote images".
    extraImageSources: ['https:', 'http:'],
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    '/api/:path*',
    '/socket.io/:path*',
    // Pages (not Next's static files or widget.js, which get the base headers from next.config.ts, nor prefetches).
    {
      source: '/((?!api/|socket.io/|_next/static|_next/image|favicon.ico|widget.js).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
