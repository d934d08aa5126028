import { isIP } from 'node:net';

/**
 * The client address this UI server forwards to the API in `X-Forwarded-For`, replacing whatever
 * the client sent (the API keys its rate limits on it and trusts this server through its own
 * TRUSTED_PROXIES). Only when the connection comes from a proxy listed in this server's
 * UI_TRUSTED_PROXIES (addresses, IPv4 CIDR ranges, `loopback`) is the last address that proxy added kept.
 */
export function forwardedClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: string[]): string {
  const peer = normalize(socketAddress ?? '');
  if (!trustedProxies.some((entry) => matches(entry, peer))) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const added = normalize(header.split(',').map((part) => part.trim()).filter(Boolean).at(-1) ?? '');
  return isIP(added) ? added : peer;
}

/** UI_TRUSTED_PROXIES as a list (comma-separated). */
export function readTrustedProxies(value: string | undefined): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function matches(entry: string, address: string): boolean {
  if (entry === 'loopback') return address === '::1' || address.startsWith('127.');
  const [range, bits] = entry.split('/');
  if (bits === undefined) return normalize(entry) === address;
  if (isIP(range ?? '') !== 4 || isIP(address) !== 4) return false;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (toNumber(range ?? '') & mask) === (toNumber(address) & mask);
}

function toNumber(address: string): number {
  return address.split('.').reduce((value, part) => ((value << 8) | Number(part)) >>> 0, 0);
}
