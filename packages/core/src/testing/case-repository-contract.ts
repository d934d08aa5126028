import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/case.js';
import { caseDraft, uniqueToken, useRepositorySet, type RepositoryContractOptions, type RepositorySetFactory } from './repository-contract-support.js';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function sequenceOf(caseRecord: Case): number {
  return Number(/-(\d+)$/.exec(caseRecord.number)?.[1]);
}

/** The behaviour every CaseRepository implementation must have. */
export function runCaseRepositoryContract(name: string, factory: RepositorySetFactory, options: RepositoryContractOptions = {}): void {
  describe(`CaseRepository contract: ${name}`, () => {
    const repositories = useRepositorySet(factory, options);

    it('creates a case with id, number, timestamps and version 1, and reads it back unchanged', async () => {
      const { cases } = repositories();
      const fields: Case['fields'] = {
        category: {
          value: 'billing',
          source: 'ai',
          updatedAt: '2026-01-01T09:00:00.000Z',
          predictor: { id: 'llm', version: '2', model: 'gpt' },
          confidence: 0.91,
          evidence: [{ messageId: 'm1', quote: 'charged twice' }],
        },
        amount: { value: 12.5, source: 'agent', updatedAt: '2026-01-01T09:01:00.000Z', actorId: 'user-1' },
        vip: { value: false, source: 'rule', updatedAt: '2026-01-01T09:02:00.000Z' },
        cleared: { value: null, source: 'agent', updatedAt: '2026-01-01T09:03:00.000Z' },
      };
      const created = await cases.create(caseDraft({ fields, contactEmail: 'jane@example.com', channel: 'email', status: 'active' }));
      expect(created.id).toEqual(expect.any(String));
      expect(created.number).toMatch(/^[A-Z][A-Z0-9]*-\d{5,}$/);
      expect(created.version).toBe(1);
      expect(created.createdAt).toMatch(ISO_TIMESTAMP);
      expect(created.updatedAt).toMatch(ISO_TIMESTAMP);
      const loaded = await cases.get(created.id);
      expect(loaded).toEqual(created);
      expect(loaded).toMatchObject({ title: 'Charged twice for order 1234', status: 'active', channel: 'email', contactEmail: 'jane@example.com', fields });
    });

    it('numbers cases uniquely in increasing order', async () => {
      const { cases } = repositories();
      const first = await cases.create(caseDraft());
      const second = await cases.create(caseDraft());
      const third = await cases.create(caseDraft());
      expect(new Set([first.number, second.number, third.number]).size).toBe(3);
      expect(sequenceOf(second)).toBeGreaterThan(sequenceOf(first));
      expect(sequenceOf(third)).toBeGreaterThan(sequenceOf(second));
    });

    it('finds cases by id, number and conversation, and answers null for unknown ones', async () => {
      const { cases, conversations } = repositories();
      const conversationId = (await conversations.create({ state: 'active', customer: {}, context: {}, origin: 'direct' })).id;
      const created = await cases.create(caseDraft({ conversationId }));
      expect(await cases.getByNumber(created.number)).toEqual(created);
      expect(await cases.findByConversationId(conversationId)).toEqual(created);
      expect(await cases.get('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await cases.getByNumber('CAS-99999999')).toBeNull();
      expect(await cases.findByConversationId('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('refuses a second case for the same conversation with a CONFLICT error', async () => {
      const { cases, conversations } = repositories();
      const conversationId = (await conversations.create({ state: 'active', customer: {}, context: {}, origin: 'direct' })).id;
      await cases.create(caseDraft({ conversationId }));
      await expect(cases.create(caseDraft({ conversationId }))).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('finds a case by the key of the event that created it, and refuses a second case for that key', async () => {
      const { cases } = repositories();
      const created = await cases.create({ ...caseDraft(), originKey: 'email:contract-origin' });
      expect(created).not.toHaveProperty('originKey');
      expect(await cases.findByOriginKey('email:contract-origin')).toEqual(created);
      expect(await cases.findByOriginKey('email:unknown')).toBeNull();
      await expect(cases.create({ ...caseDraft(), originKey: 'email:contract-origin' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await cases.create(caseDraft());
      await cases.create(caseDraft());
    });

    it('saves changes and increments the version', async () => {
      const { cases } = repositories();
      const created = await cases.create(caseDraft());
      const saved = await cases.save({
        ...created,
        title: 'Refund for order 1234',
        status: 'resolved',
        resolvedAt: '2026-01-02T10:00:00.000Z',
        updatedAt: '2026-01-02T10:00:00.000Z',
        fields: { orderId: { value: '1234', source: 'agent', updatedAt: '2026-01-02T10:00:00.000Z', actorId: 'user-1' } },
      });
      expect(saved.version).toBe(2);
      expect(saved.number).toBe(created.number);
      const loaded = await cases.get(created.id);
      expect(loaded).toEqual(saved);
      expect(loaded).toMatchObject({ title: 'Refund for order 1234', status: 'resolved', resolvedAt: '2026-01-02T10:00:00.000Z' });
      expect(loaded?.fields).toEqual({ orderId: { value: '1234', source: 'agent', updatedAt: '2026-01-02T10:00:00.000Z', actorId: 'user-1' } });
    });

    it('rejects a save based on a stale version with a CONFLICT error and keeps the stored case', async () => {
      const { cases } = repositories();
      const created = await cases.create(caseDraft());
      await cases.save({ ...created, title: 'first writer' });
      await expect(cases.save({ ...created, title: 'second writer' })).rejects.toMatchObject({ code: 'CONFLICT' });
      const loaded = await cases.get(created.id);
      expect(loaded?.title).toBe('first writer');
      expect(loaded?.version).toBe(2);
    });

    it('rejects saving a case that does not exist with a NOT_FOUND error', async () => {
      const { cases } = repositories();
      const created = await cases.create(caseDraft());
      await expect(cases.save({ ...created, id: '00000000-0000-4000-8000-000000000001' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists cases newest first, filtered by channel, status and free text, with paging', async () => {
      const { cases } = repositories();
      const token = uniqueToken();
      const chatNew = await cases.create(caseDraft({ title: `${token} printer jam`, channel: 'chat', status: 'new' }));
      const emailNew = await cases.create(caseDraft({ title: `${token} refund`, channel: 'email', status: 'new' }));
      const emailResolved = await cases.create(
        caseDraft({ title: `${token} login`, channel: 'email', status: 'resolved', fields: { orderId: { value: `ORD-${token}-77`, source: 'ai', updatedAt: '2026-01-01T09:00:00.000Z' } } }),
      );
      const all = await cases.list({ q: token });
      expect(all.total).toBe(3);
      expect(all.items.map((item) => item.id)).toEqual([emailResolved.id, emailNew.id, chatNew.id]);
      expect((await cases.list({ q: token, channel: 'email' })).items.map((item) => item.id)).toEqual([emailResolved.id, emailNew.id]);
      expect((await cases.list({ q: token, status: 'new', channel: 'email' })).items.map((item) => item.id)).toEqual([emailNew.id]);
      expect((await cases.list({ q: `${token} PRINTER` })).items.map((item) => item.id)).toEqual([chatNew.id]);
      expect((await cases.list({ q: `ord-${token}-77` })).items.map((item) => item.id)).toEqual([emailResolved.id]);
      expect((await cases.list({ q: chatNew.number })).items.map((item) => item.id)).toContain(chatNew.id);
      const secondPage = await cases.list({ q: token, page: 2, pageSize: 2 });
      expect(secondPage).toEqual({ items: [chatNew], total: 3 });
      expect((await cases.list({ q: `${token}-nothing` })).total).toBe(0);
    });

    it('matches % and _ in the free text literally, not as wildcards', async () => {
      const { cases } = repositories();
      const token = uniqueToken();
      const percent = await cases.create(caseDraft({ title: `${token} 100% refund` }));
      await cases.create(caseDraft({ title: `${token} 1000 refunds` }));
      const underscore = await cases.create(caseDraft({ title: `${token} order_id missing` }));
      await cases.create(caseDraft({ title: `${token} order-id missing` }));
      const backslash = await cases.create(caseDraft({ title: `${token} path c:\\temp` }));
      expect((await cases.list({ q: `${token} 100%` })).items.map((item) => item.id)).toEqual([percent.id]);
      expect((await cases.list({ q: `${token} order_id` })).items.map((item) => item.id)).toEqual([underscore.id]);
      expect((await cases.list({ q: 'c:\\temp' })).items.map((item) => item.id)).toContain(backslash.id);
      expect((await cases.list({ q: `${token}%refund` })).total).toBe(0);
    });
  });
}
