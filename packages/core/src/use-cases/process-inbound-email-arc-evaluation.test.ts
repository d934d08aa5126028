import { describe, expect, it } from 'vitest';
import { ArcRuleSchema, type ArcRule, type ArcRuleInput, type ArcRuleItemInput } from '../domain/arc-rule.js';
import { buildParsedEmail } from '../testing/in-memory-email-ports.js';
import { applyFieldMappings, evaluateArcRule, ruleNeedsCategory, type ArcEmailFacts } from './process-inbound-email-arc-evaluation.js';

const rule = (input: Partial<ArcRuleInput>): ArcRule => ({ id: 'rule-1', ...ArcRuleSchema.parse({ mailbox: 'support@autocase.test', name: 'Support', ...input }) });
const facts = (overrides: Partial<ArcEmailFacts> = {}): ArcEmailFacts => ({ email: buildParsedEmail(), mailbox: 'support@autocase.test', senderKnown: true, ...overrides });

describe('evaluateArcRule', () => {
  it('takes the first enabled item that matches', () => {
    const arcRule = rule({
      items: [
        { id: 'off', name: 'Disabled', enabled: false },
        { id: 'newsletters', name: 'Newsletters', conditions: [{ type: 'bulk', value: true }], action: 'skip' },
        { id: 'vip', name: 'VIP domain', conditions: [{ type: 'text', target: 'sender-domain', operator: 'equals', value: 'customer.example' }], acknowledge: true },
        { id: 'all', name: 'Everything else' },
      ],
    });
    const evaluation = evaluateArcRule(arcRule, facts());
    expect(evaluation.item).toEqual({ id: 'vip', name: 'VIP domain' });
    expect(evaluation.plannedActions.map((action) => action.type)).toEqual(['create-case', 'acknowledge']);
    const bulk = evaluateArcRule(arcRule, facts({ email: buildParsedEmail({ classification: { kind: 'regular', bulk: true, signals: ['list-id'], bouncedMessageId: null } }) }));
    expect(bulk).toMatchObject({ item: { id: 'newsletters' }, reason: 'rule item "Newsletters" skips it' });
  });

  it('checks text conditions on every target, with regex, negation and any/all', () => {
    const email = buildParsedEmail({
      cc: [{ address: 'boss@customer.example' }],
      headers: { 'x-priority': ['1 (Highest)'] },
      text: 'Order #12345 is late',
    });
    const matches = (conditions: ArcRuleItemInput['conditions'], match: 'all' | 'any' = 'all') =>
      evaluateArcRule(rule({ items: [{ id: 'i', name: 'I', match, conditions }] }), facts({ email })).item !== null;
    expect(matches([{ type: 'text', target: 'body', operator: 'regex', value: 'order #\\d{5}' }])).toBe(true);
    expect(matches([{ type: 'text', target: 'header', header: 'X-Priority', operator: 'starts-with', value: '1' }])).toBe(true);
    expect(matches([{ type: 'text', target: 'recipients', operator: 'equals', value: 'BOSS@customer.example' }])).toBe(true);
    expect(matches([{ type: 'text', target: 'to', operator: 'equals', value: 'boss@customer.example' }])).toBe(false);
    expect(matches([{ type: 'text', target: 'subject', operator: 'contains', value: 'Printer', caseSensitive: true, negate: true }])).toBe(false);
    expect(matches([{ type: 'text', target: 'sender-address', operator: 'ends-with', value: '@other.example' }, { type: 'has-attachments', value: false }], 'any')).toBe(true);
    expect(matches([{ type: 'text', target: 'sender-address', operator: 'ends-with', value: '@other.example' }, { type: 'has-attachments', value: false }], 'all')).toBe(false);
  });

  it('uses sender-known and category conditions', () => {
    const arcRule = rule({ items: [{ id: 'billing', name: 'Billing', conditions: [{ type: 'category', values: ['Billing'] }, { type: 'sender-known', known: false }] }] });
    expect(ruleNeedsCategory(arcRule)).toBe(true);
    expect(ruleNeedsCategory(rule({ items: [{ id: 'x', name: 'x' }] }))).toBe(false);
    expect(evaluateArcRule(arcRule, facts({ senderKnown: false, category: 'billing' })).item?.id).toBe('billing');
    expect(evaluateArcRule(arcRule, facts({ senderKnown: false, category: null })).item).toBeNull();
    expect(evaluateArcRule(arcRule, facts({ senderKnown: true, category: 'billing' })).reason).toBe('no item of ARC rule "Support" matched');
  });

  it('applies the unknown-sender policy', () => {
    const skip = evaluateArcRule(rule({ items: [{ id: 'i', name: 'Known only', unknownSender: 'skip' }] }), facts({ senderKnown: false }));
    expect(skip.plannedActions).toEqual([{ type: 'skip', reason: 'rule item "Known only": unknown sender jane@customer.example is skipped' }]);
    const create = evaluateArcRule(rule({ items: [{ id: 'i', name: 'All' }] }), facts({ senderKnown: false }));
    expect(create.plannedActions[0]).toEqual({ type: 'create-contact', email: 'jane@customer.example', name: 'Jane Doe' });
  });

  it('never plans an acknowledgement for bulk mail', () => {
    const arcRule = rule({ items: [{ id: 'i', name: 'All', acknowledge: true }] });
    const bulk = buildParsedEmail({ classification: { kind: 'regular', bulk: true, signals: [], bouncedMessageId: null } });
    expect(evaluateArcRule(arcRule, facts({ email: bulk })).plannedActions.map((action) => action.type)).toEqual(['create-case']);
  });

  it('skips when the mailbox has no rule or the rule is disabled', () => {
    expect(evaluateArcRule(null, facts()).reason).toBe('no ARC rule for mailbox support@autocase.test');
    expect(evaluateArcRule(rule({ enabled: false }), facts()).reason).toBe('ARC rule "Support" is disabled');
  });
});

describe('applyFieldMappings', () => {
  it('maps title, sender, constants and headers', () => {
    const email = buildParsedEmail({ headers: { 'x-account': [' A-17 '] } });
    expect(
      applyFieldMappings(
        [
          { field: 'title', source: 'subject' },
          { field: 'customer', source: 'sender-address' },
          { field: 'customerName', source: 'sender-name' },
          { field: 'origin', source: 'constant', value: 'email' },
          { field: 'priority', source: 'constant', value: 'high' },
          { field: 'account', source: 'header', header: 'X-Account' },
          { field: 'queue', source: 'mailbox' },
          { field: 'missing', source: 'header', header: 'X-None' },
        ],
        email,
        'support@autocase.test',
      ),
    ).toEqual({
      title: 'Printer is broken',
      fieldValues: { customer: 'jane@customer.example', customerName: 'Jane Doe', origin: 'email', priority: 'high', account: 'A-17', queue: 'support@autocase.test' },
    });
  });
});

describe('ArcRuleSchema', () => {
  it('explains invalid rules', () => {
    const result = ArcRuleSchema.safeParse({
      mailbox: 'support@autocase.test',
      name: 'R',
      items: [
        { id: 'a', name: 'A', conditions: [{ type: 'text', target: 'subject', operator: 'regex', value: '(' }, { type: 'text', target: 'header', value: 'x' }] },
        { id: 'a', name: 'B', fieldMappings: [{ field: 'priority', source: 'constant' }] },
      ],
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^invalid regular expression/),
        'a header condition needs the header name',
        'duplicate rule item id "a"',
        'mapping for "priority" from a constant needs a value',
      ]),
    );
  });
});
