import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '@autocase/core';
import { UnauthorizedException } from '@nestjs/common';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Which configured bot (CHAT_BOT_KEYS) sent `X-Bot-Key`, or null for a customer. A wrong key is a
 * 401; an `origin` naming a bot without that bot's key is a 403 (only the bot itself may say so).
 */
export function resolveEscalatingBot(bots: { id: string; key: string }[], key: string | undefined, origin: string | undefined): string | null {
  let bot: string | null = null;
  if (key) {
    const sent = digest(key);
    bot = bots.find((candidate) => timingSafeEqual(digest(candidate.key), sent))?.id ?? null;
    if (!bot) throw new UnauthorizedException('X-Bot-Key matches no configured bot (CHAT_BOT_KEYS)');
  }
  const claimed = origin?.trim();
  if (claimed && claimed !== 'direct' && claimed !== bot) throw new ForbiddenError(`origin "${claimed}" names a bot: only that bot, with its X-Bot-Key, may escalate a chat`);
  return bot;
}
