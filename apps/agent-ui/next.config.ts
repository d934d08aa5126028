import { BASE_SECURITY_HEADERS } from '@autocase/web-client';
import type { NextConfig } from 'next';

const apiUrl = (process.env.API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // socket.io's endpoint is `/api/socket.io/` with its trailing slash; a redirect would break the handshake.
  skipTrailingSlashRedirect: true,
  // Every response (static files too); pages also get their CSP and framing rules from proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  async rewrites() {
    return [
      { source: '/api/:path*', destination: `${apiUrl}/api/:path*` },
      { source: '/socket.io/:path*', destination: `${apiUrl}/socket.io/:path*` },
    ];
  },
};

export default nextConfig;
