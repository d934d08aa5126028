import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a signed bull-board token may be used for: a one-time link, or the cookie that link sets. */
export type BoardTokenPurpose = 'bull-board-link' | 'bull-board-cookie';

export interface BoardTokenClaims {
  purpose: BoardTokenPurpose;
  userId: string;
  expiresAt: number;
  nonce: string;
}

export const BOARD_LINK_TTL_MS = 2 * 60_000;
export const BOARD_COOKIE_TTL_MS = 30 * 60_000;

/**
 * Signs and checks the short-lived tokens that open bull-board in a browser tab (which cannot send
 * the admin's bearer header). HMAC-SHA256 with a key derived from the deployment's secret key, so
 * sessions survive a restart and every API process accepts them. A link token works once per
 * process within its two minutes; the cookie it sets works until it expires.
 */
export class BoardSessionSigner {
  private readonly usedLinkNonces = new Map<string, number>();

  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('the bull-board session secret must be at least 32 bytes');
  }

  issue(purpose: BoardTokenPurpose, userId: string): { token: string; expiresAt: Date } {
    const claims: BoardTokenClaims = { purpose, userId, expiresAt: this.now() + (purpose === 'bull-board-link' ? BOARD_LINK_TTL_MS : BOARD_COOKIE_TTL_MS), nonce: randomBytes(12).toString('base64url') };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresAt: new Date(claims.expiresAt) };
  }

  /** The claims of a valid, unexpired token of the given purpose; null otherwise. */
  verify(token: string | undefined, purpose: BoardTokenPurpose): BoardTokenClaims | null {
    if (!token) return null;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: BoardTokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as BoardTokenClaims;
    } catch {
      return null;
    }
    if (claims.purpose !== purpose || typeof claims.expiresAt !== 'number' || claims.expiresAt <= this.now()) return null;
    return claims;
  }

  /** Verifies a link token and marks it used, so a copied or replayed link opens nothing. */
  redeemLink(token: string | undefined): BoardTokenClaims | null {
    const claims = this.verify(token, 'bull-board-link');
    if (!claims) return null;
    const now = this.now();
    for (const [nonce, expiresAt] of this.usedLinkNonces) if (expiresAt <= now) this.usedLinkNonces.delete(nonce);
    if (this.usedLinkNonces.has(claims.nonce)) return null;
    this.usedLinkNonces.set(claims.nonce, claims.expiresAt);
    return claims;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
