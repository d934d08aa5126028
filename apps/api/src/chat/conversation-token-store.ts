import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Clock } from '@autocase/core';
import { ConversationTokenEntity } from './conversation-token-entity.js';

function hashConversationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Customers are not users: each conversation gets one random token, returned once when the
 * conversation starts and kept only as a hash. It authorises the customer's HTTP calls
 * (`X-Conversation-Token`) and WebSocket connection for that conversation only.
 */
export class ConversationTokenStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  /** Creates the token of a new conversation; the plain token is never stored. */
  async issue(conversationId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.orm.em.fork().insert(ConversationTokenEntity, { conversationId, tokenHash: hashConversationToken(token), createdAt: this.clock.now().toISOString() });
    return token;
  }

  async verify(conversationId: string, token: string | undefined | null): Promise<boolean> {
    if (!token || !conversationId) return false;
    const row = await this.orm.em.fork().findOne(ConversationTokenEntity, { conversationId });
    if (!row) return false;
    const expected = Buffer.from(row.tokenHash, 'hex');
    const actual = Buffer.from(hashConversationToken(token), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
