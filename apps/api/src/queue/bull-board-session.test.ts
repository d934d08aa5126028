import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BOARD_COOKIE_TTL_MS, BOARD_LINK_TTL_MS, BoardSessionSigner } from './bull-board-session.js';

describe('BoardSessionSigner', () => {
  const secret = randomBytes(32);

  it('accepts its own token for the purpose it was issued for', () => {
    const signer = new BoardSessionSigner(secret, () => 1_000);
    const { token, expiresAt } = signer.issue('bull-board-cookie', 'user-1');
    expect(expiresAt.getTime()).toBe(1_000 + BOARD_COOKIE_TTL_MS);
    expect(signer.verify(token, 'bull-board-cookie')).toMatchObject({ purpose: 'bull-board-cookie', userId: 'user-1' });
    expect(signer.verify(token, 'bull-board-link')).toBeNull();
  });

  it('refuses expired, tampered, foreign and malformed tokens', () => {
    let now = 1_000;
    const signer = new BoardSessionSigner(secret, () => now);
    const { token } = signer.issue('bull-board-link', 'user-1');
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ purpose: 'bull-board-link', userId: 'user-2', expiresAt: 9e15, nonce: 'x' })).toString('base64url');
    expect(signer.verify(`${forged}.${signature}`, 'bull-board-link')).toBeNull();
    expect(new BoardSessionSigner(randomBytes(32), () => now).verify(token, 'bull-board-link')).toBeNull();
    expect(signer.verify(`${payload}`, 'bull-board-link')).toBeNull();
    expect(signer.verify(`${token}.extra`, 'bull-board-link')).toBeNull();
    expect(signer.verify(undefined, 'bull-board-link')).toBeNull();
    now += BOARD_LINK_TTL_MS;
    expect(signer.verify(token, 'bull-board-link')).toBeNull();
  });

  it('redeems a link only once', () => {
    const signer = new BoardSessionSigner(secret);
    const { token } = signer.issue('bull-board-link', 'user-1');
    expect(signer.redeemLink(token)).toMatchObject({ userId: 'user-1' });
    expect(signer.redeemLink(token)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new BoardSessionSigner(randomBytes(8))).toThrow(/at least 32 bytes/);
  });
});
