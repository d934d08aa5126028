import { isIP } from 'node:net';

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUSTED_PROXIES: the reverse proxies whose `X-Forwarded-For` the API believes (Express's
 * `trust proxy` list): addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`. Empty
 * (the default) trusts nobody: the client address is the socket's, and a client's own
 * `X-Forwarded-For` changes nothing. Throws naming each entry that is none of these.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => {
    if (NAMED_RANGES.includes(entry)) return false;
    const [address, prefix, extra] = entry.split('/');
    if (extra !== undefined || !address) return true;
    const family = isIP(address);
    if (family === 0) return true;
    if (prefix === undefined) return false;
    const bits = Number(prefix);
    return !/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128);
  });
  if (bad.length > 0) throw new Error(`TRUSTED_PROXIES: ${bad.map((entry) => `"${entry}"`).join(', ')} is not an IP address, a CIDR range (10.0.0.0/8) or one of ${NAMED_RANGES.join(', ')}`);
  return entries;
}
