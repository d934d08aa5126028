import { ArcRuleSchema, MailboxSchema, PredictionRunner, type PluginContext } from '@autocase/core';
import { buildFieldDefinition, createInMemoryEmailProcessing, FixedClock } from '@autocase/core/testing';
import { processStoredEmail } from '@autocase/channels/email';
import rulesPredictor from '@autocase/predictors/rules';
import { describe, expect, it } from 'vitest';

const MAILBOX = 'support@autocase.test';
const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal };

async function setUp(options: { categoryField: boolean }) {
  const clock = new FixedClock('2026-01-01T09:00:00Z');
  const fields = [
    buildFieldDefinition({ key: 'priority', type: 'choice', options: [{ value: 'high' }, { value: 'low' }], fillOn: [] }),
    ...(options.categoryField ? [buildFieldDefinition({ key: 'category', type: 'choice', options: [{ value: 'billing' }, { value: 'hardware' }], fillOn: ['emailCreation'], threshold: 0.7 })] : []),
  ];
  // The real rules predictor from @autocase/predictors classifies the email into the `category` field.
  const rules = await rulesPredictor.create(
    rulesPredictor.configSchema.parse({
      rules: [
        { id: 'money', field: 'category', value: 'billing', confidence: 0.9, conditions: [{ type: 'containsAny', words: ['invoice', 'refund'] }] },
        { id: 'printers', field: 'category', value: 'hardware', confidence: 0.6, conditions: [{ type: 'containsAny', words: ['printer'] }] },
      ],
    }),
    context,
  );
  const processing = createInMemoryEmailProcessing({ clock, fields, predictions: new PredictionRunner(new Map([['rules', rules]])) });
  await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
  await processing.arcRules.save(
    ArcRuleSchema.parse({
      mailbox: MAILBOX,
      name: 'Support',
      items: [
        { id: 'billing', name: 'Billing desk', conditions: [{ type: 'category', values: ['Billing'] }], fieldMappings: [{ field: 'title', source: 'subject' }, { field: 'priority', source: 'constant', value: 'high' }] },
        { id: 'all', name: 'Everything else', fieldMappings: [{ field: 'title', source: 'subject' }, { field: 'priority', source: 'constant', value: 'low' }] },
      ],
    }),
  );
  const receive = async (subject: string, body: string) => {
    const raw = new TextEncoder().encode([`From: Jane <jane@customer.example>`, `To: ${MAILBOX}`, `Subject: ${subject}`, `Message-ID: <${subject.replace(/\W+/g, '-')}@customer.example>`, '', body, ''].join('\r\n'));
    const { email } = await processing.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    return processStoredEmail(processing, email.id);
  };
  return { receive };
}

describe('ARC category condition with a real classifier predictor', () => {
  it('routes an email by the category the rules predictor gives the `category` field', async () => {
    const { receive } = await setUp({ categoryField: true });
    const billing = await receive('Invoice 42 is wrong', 'The invoice charges us twice.');
    expect(billing).toMatchObject({ outcome: 'case-created', arc: { item: { id: 'billing' } }, email: { arcItemId: 'billing' } });
    expect(billing.email.reason).toContain('rule item "Billing desk" matched');
    expect(billing.caseRecord?.fields).toMatchObject({ priority: { value: 'high' }, category: { value: 'billing' } });

    const other = await receive('Cannot log in', 'My password does not work.');
    expect(other).toMatchObject({ outcome: 'case-created', email: { arcItemId: 'all' } });
    expect(other.caseRecord?.fields).toMatchObject({ priority: { value: 'low' } });

    // Below the field's threshold (0.6 < 0.7) the email has no category, so the condition does not hold.
    const unsure = await receive('Printer offline', 'The printer is offline.');
    expect(unsure).toMatchObject({ outcome: 'case-created', email: { arcItemId: 'all' } });
  });

  it('never matches a category condition when no `category` case field is configured', async () => {
    const { receive } = await setUp({ categoryField: false });
    expect(await receive('Invoice 43 is wrong', 'The invoice is wrong.')).toMatchObject({ outcome: 'case-created', email: { arcItemId: 'all' } });
  });
});
