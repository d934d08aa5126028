import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from './trusted-proxies.js';

describe('parseTrustedProxies', () => {
  it('trusts nobody by default', () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies(' ')).toEqual([]);
  });

  it('reads addresses, CIDR ranges and the named ranges', () => {
    expect(parseTrustedProxies('loopback, 10.0.0.0/8,192.168.1.10 , fd00::/8,::1')).toEqual(['loopback', '10.0.0.0/8', '192.168.1.10', 'fd00::/8', '::1']);
  });

  it('names every entry it cannot read', () => {
    expect(() => parseTrustedProxies('loopback,nginx,10.0.0.0/33,1.2.3.4/8/1')).toThrow('TRUSTED_PROXIES: "nginx", "10.0.0.0/33", "1.2.3.4/8/1" is not an IP address');
  });
});
