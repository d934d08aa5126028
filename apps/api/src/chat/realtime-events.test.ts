import { describe, expect, it } from 'vitest';
import { createInMemoryCaseEngine } from '@autocase/core/testing';
import { AGENTS_ROOM, conversationRoom, realtimeDeliveries } from './realtime-events.js';

describe('realtimeDeliveries', () => {
  async function conversationWithCase() {
    const { deps } = createInMemoryCaseEngine();
    const conversation = await deps.conversations.create({
      state: 'active', customer: { name: 'Dana' }, context: { question: 'Where is my parcel?' }, origin: 'direct', agentId: 'agent-1', caseId: null, acceptedAt: null, endedAt: null,
      messages: [{ sender: 'customer', senderName: 'Dana', text: 'Where is my parcel?', at: '2026-01-01T00:00:00.000Z' }],
    });
    return { deps, conversation };
  }

  it('sends a message with its text to the agents and to the customer’s room', async () => {
    const { deps, conversation } = await conversationWithCase();
    const messageId = conversation.messages[0]!.id;
    const deliveries = await realtimeDeliveries(deps, { type: 'conversation.message', conversationId: conversation.id, messageId });
    expect(deliveries.map((delivery) => delivery.room)).toEqual([AGENTS_ROOM, conversationRoom(conversation.id)]);
    expect(deliveries[1]?.payload).toMatchObject({ conversationId: conversation.id, message: { id: messageId, sender: 'customer', text: 'Where is my parcel?' } });
  });

  it('tells the customer the new state without the agent or case', async () => {
    const { deps, conversation } = await conversationWithCase();
    const deliveries = await realtimeDeliveries(deps, { type: 'conversation.updated', conversationId: conversation.id, state: 'active' });
    expect(deliveries.find((delivery) => delivery.room === AGENTS_ROOM)?.payload).toMatchObject({ state: 'active', agentId: 'agent-1', caseId: null });
    expect(deliveries.find((delivery) => delivery.room === conversationRoom(conversation.id))?.payload).toEqual({ conversationId: conversation.id, state: 'active' });
  });

  it('sends case events only to agents, with the case number and the accepting agent', async () => {
    const { deps, conversation } = await conversationWithCase();
    const created = await deps.cases.create({ title: 'Parcel', status: 'new', channel: 'chat', fields: {}, conversationId: conversation.id, contactEmail: null, parentCaseId: null, resolvedAt: null });
    const deliveries = await realtimeDeliveries(deps, { type: 'case.created', caseId: created.id, conversationId: conversation.id, fields: ['category'] });
    expect(deliveries).toEqual([
      { room: AGENTS_ROOM, event: 'case.created', payload: { caseId: created.id, caseNumber: created.number, title: 'Parcel', conversationId: conversation.id, agentId: 'agent-1', fields: ['category'] } },
    ]);
    const updated = await realtimeDeliveries(deps, { type: 'case.updated', caseId: created.id, conversationId: conversation.id, changed: ['priority'] });
    expect(updated).toEqual([{ room: AGENTS_ROOM, event: 'case.updated', payload: { caseId: created.id, caseNumber: created.number, conversationId: conversation.id, changed: ['priority'] } }]);
  });

  it('drops events about conversations that no longer exist', async () => {
    const { deps } = createInMemoryCaseEngine();
    expect(await realtimeDeliveries(deps, { type: 'conversation.waiting', conversationId: 'missing' })).toEqual([]);
    expect(await realtimeDeliveries(deps, { type: 'conversation.message', conversationId: 'missing', messageId: 'x' })).toEqual([]);
  });
});
