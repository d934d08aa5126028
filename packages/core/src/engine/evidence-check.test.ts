import { describe, expect, it } from 'vitest';
import { checkEvidence } from './evidence-check.js';

const messages = [
  { id: 'm1', author: 'customer' as const, text: 'Hi, I was   charged twice for order A-77.' },
  { id: 'm2', author: 'customer' as const, text: 'My email is jane@example.com' },
];

describe('checkEvidence', () => {
  it('keeps quotes found in their message, ignoring case, spacing and curly quotes', () => {
    expect(checkEvidence([{ messageId: 'm1', quote: 'CHARGED twice' }], messages, {}).kept).toEqual([{ messageId: 'm1', quote: 'CHARGED twice' }]);
    expect(checkEvidence([{ messageId: 'm1', quote: 'I was charged' }], [{ id: 'm1', author: 'customer', text: 'I was\ncharged' }], {}).kept).toHaveLength(1);
    expect(checkEvidence([{ quote: 'it’s late' }], [{ id: 'm9', author: 'customer', text: "it's late" }], {}).kept).toEqual([{ quote: 'it’s late', messageId: 'm9' }]);
  });

  it('points a quote at the message that holds it', () => {
    expect(checkEvidence([{ messageId: 'm1', quote: 'jane@example.com' }], messages, {}).kept).toEqual([{ messageId: 'm2', quote: 'jane@example.com' }]);
  });

  it('accepts quotes from context values without a message id', () => {
    expect(checkEvidence([{ messageId: 'm1', quote: 'Refund request' }], messages, { subject: 'Refund request #12' }).kept).toEqual([{ quote: 'Refund request' }]);
  });

  it('drops quotes that were never written and empty quotes', () => {
    const result = checkEvidence([{ quote: 'charged three times' }, { quote: '  ' }], messages, {});
    expect(result.kept).toEqual([]);
    expect(result.dropped).toHaveLength(2);
  });
});
