import { describe, expect, it } from 'vitest';
import { toDryRunView } from './dry-run-result';

describe('toDryRunView', () => {
  it('reads the full dry-run answer', () => {
    const view = toDryRunView({
      ok: true,
      email: { from: { address: 'ann@example.com', name: 'Ann' }, subject: 'Broken lamp' },
      evaluation: {
        ruleId: 'r1',
        item: { id: 'i1', name: 'Everything else' },
        reason: 'item "Everything else" matched',
        plannedActions: [
          { type: 'create-contact', email: 'ann@example.com', name: 'Ann' },
          { type: 'create-case', title: 'Broken lamp', fieldValues: { origin: 'email' }, predictFields: true },
          { type: 'acknowledge' },
        ],
      },
      wouldThreadOrSkip: null,
    });
    expect(view.matchedItem).toBe('Everything else');
    expect(view.email).toEqual({ from: 'Ann <ann@example.com>', subject: 'Broken lamp' });
    expect(view.actions).toEqual(['Create a contact for Ann <ann@example.com>', 'Create a case “Broken lamp” with origin = "email", then predict the remaining fields', 'Send the acknowledgement email']);
  });

  it('reads a bare evaluation and a parse failure', () => {
    expect(toDryRunView({ ruleId: null, item: null, reason: 'no item matched', plannedActions: [{ type: 'skip', reason: 'no item matched' }] })).toMatchObject({
      matchedItem: null,
      actions: ['Skip the email: no item matched'],
    });
    expect(toDryRunView({ ok: false, error: 'not an RFC 822 message' }).error).toBe('not an RFC 822 message');
  });
});
