import { describe, expect, it } from 'vitest';
import { clearChangedErrors } from './clear-changed-errors';

describe('clearChangedErrors', () => {
  const errors = { address: 'must be an email address', 'imap.host': 'IMAP host is required', 'imap.user': 'IMAP user is required' };

  it('removes the errors of edited keys, including nested paths', () => {
    expect(clearChangedErrors(errors, { address: 'x', imap: { host: '' } }, { address: 'x@example.com', imap: { host: '' } })).toEqual({
      'imap.host': 'IMAP host is required',
      'imap.user': 'IMAP user is required',
    });
    expect(clearChangedErrors(errors, { address: 'x', imap: { host: '' } }, { address: 'x', imap: { host: 'h' } })).toEqual({ address: 'must be an email address' });
  });

  it('returns the same object when nothing relevant changed', () => {
    const draft = { address: 'x', other: 1 };
    expect(clearChangedErrors(errors, draft, { ...draft, other: 2 })).toBe(errors);
  });
});
