import { describe, expect, it } from 'vitest';
import { payloadString, unwrapPayload } from './realtime';

describe('unwrapPayload', () => {
  it('returns a plain domain event as is', () => {
    expect(unwrapPayload({ type: 'case.created', caseId: 'c1', conversationId: 'v1' })).toEqual({ type: 'case.created', caseId: 'c1', conversationId: 'v1' });
  });

  it('flattens an event wrapped in payload, event or data', () => {
    expect(unwrapPayload({ type: 'typing', payload: { conversationId: 'v1', typing: true } })).toMatchObject({ conversationId: 'v1', typing: true });
    expect(unwrapPayload({ event: { caseId: 'c2' } })).toMatchObject({ caseId: 'c2' });
  });

  it('gives an empty object for anything that is not an object', () => {
    expect(unwrapPayload('hello')).toEqual({});
    expect(unwrapPayload(null)).toEqual({});
  });
});

describe('payloadString', () => {
  it('returns the first non-empty string among the keys', () => {
    expect(payloadString({ id: '', conversationId: 'v9' }, 'id', 'conversationId')).toBe('v9');
    expect(payloadString({ id: 4 }, 'id')).toBeUndefined();
  });
});
