import { describe, expect, it } from 'vitest';
import { FieldDefinitionSchema } from '../domain/field-definition.js';
import { SettingsSchema } from '../domain/settings.js';
import { caseDraft, uniqueToken, useRepositorySet, type RepositoryContractOptions, type RepositorySetFactory } from './repository-contract-support.js';

/** The behaviour every ConversationRepository implementation must have. */
export function runConversationRepositoryContract(name: string, factory: RepositorySetFactory, options: RepositoryContractOptions = {}): void {
  describe(`ConversationRepository contract: ${name}`, () => {
    const repositories = useRepositorySet(factory, options);

    it('creates a conversation with its first messages and reads it back', async () => {
      const { conversations } = repositories();
      const created = await conversations.create({
        state: 'waiting',
        customer: { name: 'Jane Doe', email: 'jane@example.com' },
        context: { question: 'Where is my order?', orderId: '1234' },
        origin: 'bot-faq',
        agentId: null,
        caseId: null,
        messages: [
          { sender: 'bot', text: 'Hi, how can I help?', at: '2026-01-01T09:00:00.000Z' },
          { sender: 'customer', senderName: 'Jane Doe', text: 'Where is my order?', at: '2026-01-01T09:00:05.000Z' },
        ],
      });
      expect(created.id).toEqual(expect.any(String));
      expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(created.messages.map((message) => message.text)).toEqual(['Hi, how can I help?', 'Where is my order?']);
      expect(created.messages.every((message) => message.conversationId === created.id && typeof message.id === 'string')).toBe(true);
      const loaded = await conversations.get(created.id);
      expect(loaded).toEqual(created);
      expect(loaded).toMatchObject({ state: 'waiting', origin: 'bot-faq', customer: { name: 'Jane Doe', email: 'jane@example.com' }, context: { question: 'Where is my order?', orderId: '1234' } });
      expect(await conversations.get('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('appends messages in order', async () => {
      const { conversations } = repositories();
      const created = await conversations.create({ state: 'active', customer: {}, context: {}, origin: 'direct' });
      expect(created.messages).toEqual([]);
      const first = await conversations.appendMessage(created.id, { sender: 'customer', text: 'Hello', at: '2026-01-01T09:00:00.000Z' });
      const second = await conversations.appendMessage(created.id, { sender: 'agent', senderName: 'Sam', text: 'Hi there', at: '2026-01-01T09:00:01.000Z' });
      expect(first).toMatchObject({ id: expect.any(String), conversationId: created.id, sender: 'customer', text: 'Hello' });
      const loaded = await conversations.get(created.id);
      expect(loaded?.messages.map((message) => message.id)).toEqual([first.id, second.id]);
      expect(loaded?.messages[1]).toEqual(second);
    });

    it('reads a conversation without its messages, and one message by id', async () => {
      const { conversations } = repositories();
      const created = await conversations.create({ state: 'active', customer: { name: 'Jane' }, context: {}, origin: 'direct', agentId: 'agent-1', caseId: null });
      const first = await conversations.appendMessage(created.id, { sender: 'customer', text: 'Hello', at: '2026-01-01T09:00:00.000Z' });
      const second = await conversations.appendMessage(created.id, { sender: 'agent', senderName: 'Sam', text: 'Hi', at: '2026-01-01T09:00:01.000Z' });
      expect(await conversations.get(created.id, { messages: false })).toEqual({ ...created, messages: [] });
      expect((await conversations.get(created.id, { messages: true }))?.messages).toEqual([first, second]);
      expect(await conversations.get('00000000-0000-4000-8000-000000000000', { messages: false })).toBeNull();
      expect(await conversations.getMessage(created.id, second.id)).toEqual(second);
      const other = await conversations.create({ state: 'active', customer: {}, context: {}, origin: 'direct' });
      expect(await conversations.getMessage(other.id, second.id)).toBeNull();
      expect(await conversations.getMessage(created.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('rejects a message for an unknown conversation with NOT_FOUND', async () => {
      const { conversations } = repositories();
      await expect(
        conversations.appendMessage('00000000-0000-4000-8000-000000000000', { sender: 'customer', text: 'x', at: '2026-01-01T09:00:00.000Z' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('saves state, agent, case and times without losing messages appended meanwhile', async () => {
      const { conversations, cases } = repositories();
      const created = await conversations.create({ state: 'waiting', customer: {}, context: {}, origin: 'direct' });
      const caseRecord = await cases.create(caseDraft({ conversationId: created.id }));
      const stale = await conversations.get(created.id);
      await conversations.appendMessage(created.id, { sender: 'customer', text: 'still there?', at: '2026-01-01T09:01:00.000Z' });
      const saved = await conversations.save({ ...stale!, state: 'active', agentId: 'agent-1', caseId: caseRecord.id, acceptedAt: '2026-01-01T09:02:00.000Z' });
      expect(saved).toMatchObject({ state: 'active', agentId: 'agent-1', caseId: caseRecord.id, acceptedAt: '2026-01-01T09:02:00.000Z' });
      const loaded = await conversations.get(created.id);
      expect(loaded).toMatchObject({ state: 'active', agentId: 'agent-1', caseId: caseRecord.id, acceptedAt: '2026-01-01T09:02:00.000Z' });
      expect(loaded?.messages.map((message) => message.text)).toEqual(['still there?']);
      await conversations.save({ ...loaded!, state: 'closed', endedAt: '2026-01-01T09:30:00.000Z' });
      expect(await conversations.get(created.id)).toMatchObject({ state: 'closed', endedAt: '2026-01-01T09:30:00.000Z' });
    });

    it('saves conditionally: of two saves expecting the same state exactly one wins, a stale state or case link is refused', async () => {
      const { conversations, cases } = repositories();
      const created = await conversations.create({ state: 'waiting', customer: {}, context: {}, origin: 'direct', agentId: null, caseId: null });
      const results = await Promise.allSettled(
        ['agent-1', 'agent-2'].map((agentId) => conversations.save({ ...created, state: 'active', agentId }, { expected: { state: 'waiting' } })),
      );
      const winners = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const losers = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toMatchObject({ code: 'CONFLICT' });
      const stored = await conversations.get(created.id);
      expect(stored).toMatchObject({ state: 'active', agentId: winners[0]?.agentId });

      const caseRecord = await cases.create(caseDraft({ conversationId: created.id }));
      await expect(conversations.save({ ...stored!, caseId: caseRecord.id }, { expected: { state: 'active', caseId: 'another-case' } })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await conversations.get(created.id))?.caseId).toBeNull();
      await conversations.save({ ...stored!, caseId: caseRecord.id }, { expected: { state: 'active', caseId: null } });
      await expect(conversations.save({ ...stored!, state: 'closed' }, { expected: { state: 'active', caseId: null } })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await conversations.get(created.id)).toMatchObject({ state: 'active', caseId: caseRecord.id });
      await expect(
        conversations.save({ ...stored!, id: '00000000-0000-4000-8000-000000000000' }, { expected: { state: 'active' } }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists conversations by state and agent, oldest first', async () => {
      const { conversations } = repositories();
      const agentId = `agent-${uniqueToken()}`;
      const first = await conversations.create({ state: 'active', customer: {}, context: {}, origin: 'direct', agentId });
      const second = await conversations.create({ state: 'active', customer: {}, context: {}, origin: 'direct', agentId });
      const closed = await conversations.create({ state: 'closed', customer: {}, context: {}, origin: 'direct', agentId });
      expect((await conversations.list({ agentId })).map((conversation) => conversation.id)).toEqual([first.id, second.id, closed.id]);
      expect((await conversations.list({ agentId, state: 'active' })).map((conversation) => conversation.id)).toEqual([first.id, second.id]);
      const waiting = await conversations.list({ state: 'waiting' });
      expect(waiting.every((conversation) => conversation.state === 'waiting')).toBe(true);
    });
  });
}

/** The behaviour every ConfigurationRepository implementation must have. */
export function runConfigurationRepositoryContract(name: string, factory: RepositorySetFactory, options: RepositoryContractOptions = {}): void {
  describe(`ConfigurationRepository contract: ${name}`, () => {
    const repositories = useRepositorySet(factory, options);

    it('answers valid settings before any were saved', async () => {
      const { configuration } = repositories();
      expect(SettingsSchema.safeParse(await configuration.getSettings()).success).toBe(true);
      expect(Array.isArray(await configuration.getFields())).toBe(true);
    });

    it('saves and reads back settings', async () => {
      const { configuration } = repositories();
      const settings = SettingsSchema.parse({ summaryNoteOnChatEnd: false, allowAiOverrideOfAgentEdits: true, predictorPrecedence: ['llm', 'regex'], defaultThreshold: 0.85 });
      await configuration.saveSettings(settings);
      expect(await configuration.getSettings()).toEqual(settings);
    });

    it('saves and reads back field definitions in order, replacing the previous list', async () => {
      const { configuration } = repositories();
      const fields = [
        FieldDefinitionSchema.parse({
          key: 'category',
          label: 'Category',
          type: 'choice',
          options: [{ value: 'billing', label: 'Billing', description: 'Use when: charges, refunds. Not for: shipping.' }, { value: 'shipping' }],
          requiredForCreation: true,
          predictors: ['llm', 'learned'],
          threshold: 0.8,
        }),
        FieldDefinitionSchema.parse({ key: 'email', label: 'Email', type: 'email', fillOn: ['chatCreation'] }),
      ];
      await configuration.saveFields(fields);
      expect(await configuration.getFields()).toEqual(fields);
      await configuration.saveFields([fields[1]!]);
      expect(await configuration.getFields()).toEqual([fields[1]]);
    });
  });
}
