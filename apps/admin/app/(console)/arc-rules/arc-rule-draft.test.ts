import { describe, expect, it } from 'vitest';
import { describeCondition, errorsUnder, newCondition, newRuleDraft, newRuleItem } from './arc-rule-draft';

describe('arc rule drafts', () => {
  it('starts a rule with one catch-all item that creates a case', () => {
    const draft = newRuleDraft('support@example.com');
    expect(draft.mailbox).toBe('support@example.com');
    expect(draft.items).toHaveLength(1);
    expect(draft.items[0]).toMatchObject({ action: 'create-case', conditions: [], enabled: true });
    expect(newRuleItem(2).id).not.toBe(newRuleItem(2).id);
    // The sender's address goes to the customerEmail case field (there is no "customer" field).
    expect(draft.items[0]!.fieldMappings).toContainEqual({ field: 'customerEmail', source: 'sender-address' });
  });

  it('describes conditions in words', () => {
    expect(describeCondition({ ...newCondition('text'), value: 'invoice' } as never)).toBe('Subject contains "invoice"');
    expect(describeCondition({ type: 'text', target: 'header', header: 'X-Spam', operator: 'equals', value: 'yes', caseSensitive: false, negate: true })).toBe('Header X-Spam does not equal "yes"');
    expect(describeCondition({ type: 'category', values: ['billing', 'returns'] })).toBe('Category is billing or returns');
    expect(describeCondition(newCondition('bulk'))).toBe('Is bulk mail');
  });

  it('narrows errors to a path prefix', () => {
    const errors = { 'items.0.name': 'rule item name is required', 'items.0.conditions.1.value': 'bad', 'items.1.name': 'other', mailbox: 'm' };
    expect(errorsUnder(errors, 'items.0')).toEqual({ name: 'rule item name is required', 'conditions.1.value': 'bad' });
    expect(errorsUnder(errors, 'mailbox')).toEqual({ '': 'm' });
  });
});
