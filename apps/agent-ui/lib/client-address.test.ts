import { describe, expect, it } from 'vitest';
import { forwardedClientAddress, readTrustedProxies } from './client-address';

describe('forwardedClientAddress', () => {
  it('replaces whatever the client claims with the connection’s address', () => {
    expect(forwardedClientAddress('203.0.113.9', '1.2.3.4', [])).toBe('203.0.113.9');
    expect(forwardedClientAddress('::ffff:203.0.113.9', ['1.2.3.4', '5.6.7.8'], [])).toBe('203.0.113.9');
    expect(forwardedClientAddress('127.0.0.1', '1.2.3.4', [])).toBe('127.0.0.1');
  });

  it('keeps the address a trusted proxy added (the last one), never what the client prepended', () => {
    expect(forwardedClientAddress('127.0.0.1', '1.2.3.4, 198.51.100.7', readTrustedProxies('loopback'))).toBe('198.51.100.7');
    expect(forwardedClientAddress('10.1.2.3', '1.2.3.4,198.51.100.7', readTrustedProxies('10.0.0.0/8'))).toBe('198.51.100.7');
    expect(forwardedClientAddress('10.1.2.3', 'not-an-address', readTrustedProxies('10.1.2.3'))).toBe('10.1.2.3');
    expect(forwardedClientAddress('192.168.0.5', '1.2.3.4', readTrustedProxies('10.0.0.0/8, loopback'))).toBe('192.168.0.5');
  });
});
