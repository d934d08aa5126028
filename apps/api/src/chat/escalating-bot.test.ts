import { describe, expect, it } from 'vitest';
import { resolveEscalatingBot } from './escalating-bot.js';

const BOTS = [{ id: 'faq-bot', key: 'faq-bot-key-0123456789abcdef' }];

describe('resolveEscalatingBot', () => {
  it('names the bot whose key was sent', () => {
    expect(resolveEscalatingBot(BOTS, 'faq-bot-key-0123456789abcdef', 'faq-bot')).toBe('faq-bot');
    expect(resolveEscalatingBot(BOTS, 'faq-bot-key-0123456789abcdef', undefined)).toBe('faq-bot');
  });

  it('treats a request without a key as a customer', () => {
    expect(resolveEscalatingBot(BOTS, undefined, undefined)).toBeNull();
    expect(resolveEscalatingBot(BOTS, undefined, 'direct')).toBeNull();
  });

  it('refuses a wrong key and a bot origin claimed without its key', () => {
    expect(() => resolveEscalatingBot(BOTS, 'wrong', 'faq-bot')).toThrow(/matches no configured bot/);
    expect(() => resolveEscalatingBot(BOTS, undefined, 'faq-bot')).toThrow(/only that bot/);
    expect(() => resolveEscalatingBot([], 'faq-bot-key-0123456789abcdef', undefined)).toThrow(/matches no configured bot/);
  });
});
