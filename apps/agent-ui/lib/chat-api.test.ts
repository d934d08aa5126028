import { describe, expect, it } from 'vitest';
import { customerDisplayName, mergeMessage, messageFromPayload } from './chat-api';

const message = (id: string, at: string) => ({ id, conversationId: 'c1', sender: 'customer' as const, text: id, at });

describe('mergeMessage', () => {
  it('adds a message once and keeps time order', () => {
    const list = [message('a', '2026-01-01T10:00:00Z'), message('c', '2026-01-01T10:02:00Z')];
    const merged = mergeMessage(list, message('b', '2026-01-01T10:01:00Z'));
    expect(merged.map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
    expect(mergeMessage(merged, message('b', '2026-01-01T10:01:00Z'))).toBe(merged);
  });
});

describe('messageFromPayload', () => {
  it('reads the message of a conversation.message event', () => {
    expect(messageFromPayload({ conversationId: 'c1', message: { id: 'm1', sender: 'agent', text: 'Hi', at: '2026-01-01T10:00:00Z', senderName: 'Ann' } })).toMatchObject({ id: 'm1', conversationId: 'c1', senderName: 'Ann' });
  });

  it('returns null when the payload has no complete message', () => {
    expect(messageFromPayload({ conversationId: 'c1' })).toBeNull();
    expect(messageFromPayload({ message: { id: 'm1', text: 'no sender' } })).toBeNull();
  });
});

describe('customerDisplayName', () => {
  it('prefers the name, then the email', () => {
    expect(customerDisplayName({ customer: { name: 'Jane', email: 'j@example.com' } })).toBe('Jane');
    expect(customerDisplayName({ customer: { email: 'j@example.com' } })).toBe('j@example.com');
    expect(customerDisplayName({ customer: {} })).toBe('Website visitor');
  });
});
