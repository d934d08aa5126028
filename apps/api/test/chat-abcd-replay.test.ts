import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldDefinitionInput } from '@autocase/core';
import { connectSocket, forConversation, startChatApp, type ChatTestApp, type RecordingSocket } from './chat-test-support.js';

interface AbcdConversation {
  convo_id: number;
  scenario: { flow: string; personal: Record<string, string>; order: Record<string, string> };
  original: [string, string][];
}

const folder = new URL('../../../../shared/eval/conversations/', import.meta.url);
const conversations = new Map<number, AbcdConversation>();
for (const file of ['abcd-sample.json', 'abcd-more-examples.json']) {
  for (const conversation of JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as AbcdConversation[]) conversations.set(conversation.convo_id, conversation);
}
const ontology = JSON.parse(readFileSync(new URL('abcd-ontology.json', folder), 'utf8')) as { intents: { flows: string[] } };

/** An admin's keyword rules per ABCD flow, most specific first (first match wins), plus regex extractors for the customer's identifiers. */
const rule = (value: string, words: string[]) => ({ field: 'category', value, conditions: [{ type: 'containsAny', words }] });
const ABCD_PLUGINS = [
  {
    kind: 'predictor',
    package: '@autocase/predictors/rules',
    config: {
      rules: [
        rule('product_defect', ['return', 'returns', 'refund', 'refunded', 'wrong size', 'defective', 'broken', 'stain', 'wrong color']),
        rule('account_access', ['password', 'log in', 'login', 'two-factor', '2fa', 'locked out', 'forgot my username']),
        rule('troubleshoot_site', ['website', 'site is slow', 'shopping cart', 'search results', 'page']),
        rule('subscription_inquiry', ['subscription', 'bill due', 'pay my bill', 'annual fee']),
        rule('purchase_dispute', ['charged', 'overcharged', 'competitor', 'cheaper', 'out of stock', 'never bought', 'invalid']),
        rule('manage_account', ['change my address', 'change my name', 'payment method', 'my account']),
        rule('storewide_query', ['how much', 'cost', 'costs', 'expire', 'how long', 'membership', 'policy', 'price']),
        rule('shipping_issue', ['shipping', 'delivery', 'in transit', 'tracking', 'arrive', 'package']),
        rule('order_issue', ['my order', 'cancel', 'upgrade', 'downgrade', 'fee']),
        rule('single_item_query', ['boots', 'shirt', 'jeans', 'jacket']),
      ],
    },
  },
  { kind: 'predictor', package: '@autocase/predictors/regex', config: { fields: { orderId: { extractor: 'reference', labels: ['order id', 'order number', 'order no', 'order #'] }, username: { extractor: 'username' } } } },
  { kind: 'summarizer', package: '@autocase/predictors/summarizers' },
];
const ABCD_FIELDS: FieldDefinitionInput[] = [
  { key: 'category', label: 'Category', type: 'choice', requiredForCreation: true, options: ontology.intents.flows.map((flow) => ({ value: flow })), threshold: 0.6 },
  { key: 'email', label: 'Email', type: 'email', threshold: 0.8 },
  { key: 'phone', label: 'Phone', type: 'phone', threshold: 0.8 },
  { key: 'orderId', label: 'Order ID', type: 'text', threshold: 0.7 },
  { key: 'username', label: 'Username', type: 'text', threshold: 0.7 },
];

/** The labelled values the customer actually typed (a value never said cannot be expected), in the fields' normalised form. */
function expectedFields(conversation: AbcdConversation): Record<string, string> {
  const customerText = conversation.original.filter(([speaker]) => speaker === 'customer').map(([, text]) => text.toLowerCase()).join('\n');
  const typed = (raw: string | undefined) => (raw && customerText.includes(raw.toLowerCase()) ? raw : undefined);
  const { email, phone, username } = conversation.scenario.personal;
  const expected: Record<string, string | undefined> = {
    category: conversation.scenario.flow,
    email: typed(email)?.toLowerCase(),
    phone: typed(phone) ? `+1${phone!.replace(/\D/g, '')}` : undefined,
    orderId: typed(conversation.scenario.order.order_id),
    username: typed(username),
  };
  return Object.fromEntries(Object.entries(expected).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

describe('ABCD conversations replayed as live chats', () => {
  let app: ChatTestApp;
  let agent: RecordingSocket;

  beforeAll(async () => {
    app = await startChatApp('sqlite', { AUTOCASE_PLUGINS: JSON.stringify(ABCD_PLUGINS) });
    const saved = await app.api('/admin/fields', { method: 'PUT', token: app.adminToken, json: ABCD_FIELDS });
    expect(saved.status).toBe(200);
    agent = await connectSocket(app.running.url, { token: app.agentToken });
  });
  afterAll(async () => {
    agent?.close();
    await app?.close();
  });

  it('has at least five conversations to replay, with typed identifiers to find', () => {
    expect(conversations.size).toBeGreaterThanOrEqual(5);
    const identifiers = [...conversations.values()].flatMap((conversation) => Object.keys(expectedFields(conversation)).filter((key) => key !== 'category'));
    expect(identifiers).toHaveLength(10);
  });

  it.each([...conversations.values()].map((conversation) => [conversation.convo_id, conversation] as const))(
    'conversation %i becomes a case whose category and customer fields match the labels',
    async (_, conversation) => {
      const chat = await app.startChat({});
      const accepted = await app.agentPost<{ caseOutcome: { created: boolean } }>(`/conversations/${chat.id}/accept`);
      expect(accepted.caseOutcome.created).toBe(false);
      const customer = await connectSocket(app.running.url, { conversationId: chat.id, conversationToken: chat.conversationToken });
      try {
        for (const [speaker, text] of conversation.original) {
          if (speaker === 'customer') expect(await customer.emitWithAck<{ ok: boolean }>('message', { text })).toMatchObject({ ok: true });
          else if (speaker === 'agent') await app.agentPost(`/conversations/${chat.id}/messages`, { text });
        }
      } finally {
        customer.close();
      }
      await app.agentPost(`/conversations/${chat.id}/end`);
      const work = await agent.waitFor('conversation.case-work', forConversation(chat.id));
      expect(work).toMatchObject({ outcome: 'created', summaryNote: { created: true } });
      const caseRecord = await app.agentGet<{ fields: Record<string, { value: unknown }> }>(`/cases/${String(work.caseId)}`);
      const values = Object.fromEntries(Object.entries(caseRecord.fields).map(([key, state]) => [key, state.value]));
      expect(values).toEqual(expectedFields(conversation));
    },
  );
});
