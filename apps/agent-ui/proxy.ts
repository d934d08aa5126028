import { NextResponse, type NextRequest } from 'next/server';

/**
 * Forwards `/api/*` and socket.io's HTTP transport to the Autocase API read from API_URL when the server
 * starts (not when it was built), so one build serves any API address. next.config.ts keeps the same
 * rewrites as the build-time default (they also carry WebSocket upgrades).
 */
export function proxy(request: NextRequest) {
  const apiUrl = (process.env.API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const target = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${apiUrl}/`);
  return NextResponse.rewrite(target);
}

export const config = {
  matcher: ['/api/:path*', '/socket.io/:path*'],
};
