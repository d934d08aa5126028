import { describe, expect, it } from 'vitest';
import { describeEvidenceSource } from './evidence-source';

const messages = [
  { id: 'm1', conversationId: 'c', sender: 'customer' as const, text: 'Hi', at: '2026-01-01T10:00:00Z' },
  { id: 'm2', conversationId: 'c', sender: 'agent' as const, text: 'Hello', at: '2026-01-01T10:01:00Z' },
];
const time = (iso: string) => iso.slice(11, 16);

describe('describeEvidenceSource', () => {
  it('names the sender and the position of the quoted message', () => {
    expect(describeEvidenceSource('m2', messages, time)).toBe('Agent message 2 · 10:01');
  });

  it('falls back to the id or to the conversation when the message is unknown', () => {
    expect(describeEvidenceSource('email-123456789', messages, time)).toBe('Message email-12');
    expect(describeEvidenceSource(undefined, messages, time)).toBe('From the conversation');
  });
});
