import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, forConversation, startChatApp, type ChatTestApp, type RecordingSocket } from './chat-test-support.js';

interface CaseBody {
  id: string;
  number: string;
  conversationId: string | null;
  fields: Record<string, { value: unknown; source: string; confidence: number | null; evidence: { messageId: string; quote: string }[] }>;
}
interface AuditBody {
  items: { action: string; field?: string; source: string; confidence?: number; evidence?: { quote: string }[]; reason: string; newValue?: unknown }[];
}
interface NotesBody {
  items: { kind: string; body: string }[];
}

describeEachDatabase('live chat: autonomous case creation and update', (databaseId) => {
  let app: ChatTestApp;
  let agent: RecordingSocket;

  beforeAll(async () => {
    app = await startChatApp(databaseId);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    await app.setSettings({ autoCreateCaseOnAccept: true, summaryNoteOnChatEnd: true, allowAiOverrideOfAgentEdits: false });
    agent = await connectSocket(app.running.url, { token: app.agentToken });
  });
  afterEach(() => {
    agent?.close();
  });

  const caseOf = (id: string) => app.agentGet<CaseBody>(`/cases/${id}`);

  it('accept with enough context creates, populates and saves the case and tells the agent over the socket', async () => {
    const chat = await app.startChat({
      customer: { name: 'Dana Smith', email: 'dana@example.com' },
      context: { question: 'I was charged twice on my last invoice for order ORD-123456' },
    });
    await agent.waitFor('conversation.waiting', forConversation(chat.id));
    const accepted = await app.agentPost<{ conversation: { state: string; caseId: string }; caseOutcome: { created: boolean; caseId: string; fields: string[] } }>(`/conversations/${chat.id}/accept`);
    expect(accepted.conversation.state).toBe('active');
    expect(accepted.caseOutcome).toMatchObject({ created: true, caseId: accepted.conversation.caseId });
    const event = await agent.waitFor('case.created', forConversation(chat.id));
    expect(event).toMatchObject({ caseId: accepted.caseOutcome.caseId, agentId: app.agentId, fields: expect.arrayContaining(['category', 'customerEmail', 'orderNumber']) });
    expect(event.caseNumber).toMatch(/^CAS-\d+$/);

    const created = await caseOf(accepted.caseOutcome.caseId);
    expect(created.conversationId).toBe(chat.id);
    expect(created.fields.category).toMatchObject({ value: 'billing', source: 'ai' });
    expect(created.fields.category?.evidence[0]?.quote.toLowerCase()).toContain('invoice');
    expect(created.fields.orderNumber).toMatchObject({ value: 'ORD-123456', source: 'ai' });
    expect(created.fields.customerEmail).toMatchObject({ value: 'dana@example.com', source: 'channel' });
    const conversation = await app.agentGet<{ caseId: string; messages: { sender: string; text: string }[] }>(`/conversations/${chat.id}`);
    expect(conversation.caseId).toBe(created.id);
    expect(conversation.messages[0]).toMatchObject({ sender: 'customer', text: expect.stringContaining('charged twice') });

    const audit = await app.agentGet<AuditBody>(`/cases/${created.id}/audit`);
    expect(audit.items.find((entry) => entry.action === 'case-created')?.reason).toContain('accepted');
    const categoryChange = audit.items.find((entry) => entry.action === 'field-changed' && entry.field === 'category');
    expect(categoryChange).toMatchObject({ source: 'ai', newValue: 'billing' });
    expect(categoryChange?.confidence).toBeGreaterThan(0.6);
    expect(categoryChange?.evidence?.[0]?.quote.toLowerCase()).toContain('invoice');
    expect(audit.items.find((entry) => entry.field === 'customerEmail')).toMatchObject({ source: 'channel' });
  });

  it('accept without enough context creates no case; ending the conversation creates it once the customer said enough', async () => {
    const chat = await app.startChat({ customer: { name: 'Lee' }, context: { question: 'Hello, anyone there?' } });
    const accepted = await app.agentPost<{ caseOutcome: { created: boolean; reason: string; missing: string[] } }>(`/conversations/${chat.id}/accept`);
    expect(accepted.caseOutcome).toMatchObject({ created: false, reason: 'not-enough-context', missing: ['category'] });
    expect((await app.agentGet<{ caseId: string | null }>(`/conversations/${chat.id}`)).caseId).toBeNull();

    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'My parcel never arrived, order number ORD-654321' } });
    const ended = await app.agentPost<{ conversation: { state: string }; caseWork: { queued: boolean } }>(`/conversations/${chat.id}/end`);
    expect(ended).toMatchObject({ conversation: { state: 'closed' }, caseWork: { queued: true } });
    const work = await agent.waitFor('conversation.case-work', forConversation(chat.id));
    expect(work).toMatchObject({ trigger: 'end', outcome: 'created' });
    const created = await agent.waitFor('case.created', forConversation(chat.id));
    const caseRecord = await caseOf(String(created.caseId));
    expect(caseRecord.fields.category?.value).toBe('shipping');
    expect(caseRecord.fields.orderNumber?.value).toBe('ORD-654321');
    const audit = await app.agentGet<AuditBody>(`/cases/${caseRecord.id}/audit`);
    expect(audit.items.find((entry) => entry.action === 'case-created')?.reason).toContain('ended');
  });

  it('a case the agent created by hand is never doubled: not on end, not by a second New case', async () => {
    const chat = await app.startChat({ context: { question: 'Hi there' } });
    await app.agentPost(`/conversations/${chat.id}/accept`);
    const manual = await app.agentPost<CaseBody>(`/conversations/${chat.id}/case`, { fields: { priority: 'normal' } });
    expect(manual.conversationId).toBe(chat.id);
    expect(manual.fields.priority).toMatchObject({ value: 'normal', source: 'agent' });
    await agent.waitFor('case.created', (payload) => payload.caseId === manual.id);

    const second = await app.api(`/conversations/${chat.id}/case`, { method: 'POST', token: app.agentToken, json: {} });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ details: { caseId: manual.id } });

    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'I want a refund my payment was charged twice' } });
    await app.agentPost(`/conversations/${chat.id}/end`);
    const work = await agent.waitFor('conversation.case-work', forConversation(chat.id));
    expect(work).toMatchObject({ outcome: 'already-exists', caseId: manual.id });
    expect(agent.events('case.created', forConversation(chat.id))).toHaveLength(1);
    expect((await app.agentGet<{ total: number }>(`/cases?channel=chat&q=${encodeURIComponent(manual.number)}`)).total).toBe(1);
  });

  it('wrap-up creates the case when there is none', async () => {
    const chat = await app.startChat({ context: { question: 'Good morning' } });
    await app.agentPost(`/conversations/${chat.id}/accept`);
    await app.agentPost(`/conversations/${chat.id}/messages`, { text: 'How can I help?' });
    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'I would like to send it back, order ORD-111222' } });
    const wrapped = await app.agentPost<{ conversation: { state: string } }>(`/conversations/${chat.id}/wrap-up`);
    expect(wrapped.conversation.state).toBe('wrap-up');
    expect(await agent.waitFor('conversation.case-work', forConversation(chat.id))).toMatchObject({ trigger: 'wrap-up', outcome: 'created' });
    const created = await agent.waitFor('case.created', forConversation(chat.id));
    expect((await caseOf(String(created.caseId))).fields.category?.value).toBe('returns');
  });

  it('wrap-up updates the configured fields of an existing case and names them', async () => {
    const chat = await app.startChat({ context: { question: 'My invoice is wrong' } });
    const accepted = await app.agentPost<{ caseOutcome: { caseId: string } }>(`/conversations/${chat.id}/accept`);
    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'It is urgent, the order number is ORD-777888' } });
    await app.agentPost(`/conversations/${chat.id}/wrap-up`);
    const work = await agent.waitFor('conversation.case-work', forConversation(chat.id));
    expect(work).toMatchObject({ trigger: 'wrap-up', outcome: 'updated', caseId: accepted.caseOutcome.caseId });
    expect(work.changed).toEqual(expect.arrayContaining(['priority', 'orderNumber']));
    const updated = await agent.waitFor('case.updated', forConversation(chat.id));
    expect(updated.changed).toEqual(work.changed);
    const caseRecord = await caseOf(accepted.caseOutcome.caseId);
    expect(caseRecord.fields.priority?.value).toBe('high');
    expect(caseRecord.fields.orderNumber?.value).toBe('ORD-777888');
  });

  it('update from conversation names the changed fields, or says there is not enough context', async () => {
    const chat = await app.startChat({ context: { question: 'Hi' } });
    await app.agentPost(`/conversations/${chat.id}/accept`);
    const manual = await app.agentPost<CaseBody>(`/conversations/${chat.id}/case`, { title: 'Chat with a customer' });

    const nothing = await app.agentPost<{ changed: string[]; message: string }>(`/cases/${manual.id}/update-from-conversation`);
    expect(nothing.changed).toEqual([]);
    expect(nothing.message).toMatch(/not enough context/i);

    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'My parcel never arrived. Order ORD-246810, please hurry, it is urgent' } });
    const update = await app.agentPost<{ changed: string[]; case: CaseBody }>(`/cases/${manual.number}/update-from-conversation`);
    expect([...update.changed].sort()).toEqual(['category', 'orderNumber', 'priority']);
    expect(update.case.fields.category).toMatchObject({ value: 'shipping', source: 'ai' });
    expect(await agent.waitFor('case.updated', (payload) => payload.caseId === manual.id)).toMatchObject({ changed: update.changed, conversationId: chat.id });
    const audit = await app.agentGet<AuditBody>(`/cases/${manual.id}/audit`);
    const orderChange = audit.items.find((entry) => entry.field === 'orderNumber' && entry.source === 'ai');
    expect(orderChange?.reason).toContain('Alex Agent');
    expect(orderChange?.evidence?.[0]?.quote).toContain('ORD-246810');
  });

  it('keeps what an agent typed when updating from the conversation, unless the admin allows overriding', async () => {
    const chat = await app.startChat({ context: { question: 'I need a refund my payment was charged twice' } });
    const accepted = await app.agentPost<{ caseOutcome: { caseId: string } }>(`/conversations/${chat.id}/accept`);
    const caseId = accepted.caseOutcome.caseId;
    const edit = await app.api(`/cases/${caseId}`, { method: 'PATCH', token: app.agentToken, json: { fields: { category: 'returns' } } });
    expect(edit.status).toBe(200);
    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'Also it is urgent' } });

    const update = await app.agentPost<{ changed: string[]; case: CaseBody }>(`/cases/${caseId}/update-from-conversation`);
    expect(update.changed).toEqual(['priority']);
    expect(update.case.fields.category).toMatchObject({ value: 'returns', source: 'agent' });

    await app.setSettings({ allowAiOverrideOfAgentEdits: true });
    const overriding = await app.agentPost<{ changed: string[]; case: CaseBody }>(`/cases/${caseId}/update-from-conversation`);
    expect(overriding.changed).toEqual(['category']);
    expect(overriding.case.fields.category).toMatchObject({ value: 'billing', source: 'ai' });
  });

  it('takes the customer\'s correction of an order number and names what changed, what was kept and why', async () => {
    const chat = await app.startChat({ context: { question: 'I was charged twice, order ORD-551203' } });
    const accepted = await app.agentPost<{ caseOutcome: { caseId: string } }>(`/conversations/${chat.id}/accept`);
    const caseId = accepted.caseOutcome.caseId;
    expect((await caseOf(caseId)).fields.orderNumber).toMatchObject({ value: 'ORD-551203', source: 'ai' });
    expect((await app.api(`/cases/${caseId}`, { method: 'PATCH', token: app.agentToken, json: { fields: { priority: 'normal' } } })).status).toBe(200);
    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'Sorry, the order is ORD-551230, not ORD-551203. It is urgent' } });

    const update = await app.agentPost<{ changed: string[]; changes: unknown[]; kept: unknown[]; summary: string; message?: string; case: CaseBody }>(`/cases/${caseId}/update-from-conversation`);
    expect(update.changed).toEqual(['orderNumber']);
    expect(update.case.fields.orderNumber).toMatchObject({ value: 'ORD-551230', source: 'ai' });
    expect(update.changes).toEqual([{ field: 'orderNumber', from: 'ORD-551203', to: 'ORD-551230' }]);
    expect(update.kept).toEqual([{ field: 'priority', reason: 'an agent set this field by hand; the AI does not overwrite it' }]);
    expect(update.summary).toBe('Changed orderNumber (ORD-551203 → ORD-551230). Kept priority: an agent set this field by hand; the AI does not overwrite it.');
    expect(update.message).toBeUndefined();
  });

  it('makes one case and one summary note when wrap-up and end follow each other at once', async () => {
    const chat = await app.startChat({ context: { question: 'Hello' } });
    await app.agentPost(`/conversations/${chat.id}/accept`);
    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'My parcel never arrived' } });
    await app.agentPost(`/conversations/${chat.id}/wrap-up`);
    await app.agentPost(`/conversations/${chat.id}/end`);
    await agent.waitFor('conversation.case-work', (payload) => payload.conversationId === chat.id && payload.trigger === 'wrap-up');
    const ended = await agent.waitFor('conversation.case-work', (payload) => payload.conversationId === chat.id && payload.trigger === 'end');
    expect(agent.events('case.created', forConversation(chat.id))).toHaveLength(1);
    const notes = await app.agentGet<NotesBody>(`/cases/${String(ended.caseId)}/notes`);
    expect(notes.items.filter((note) => note.kind === 'summary')).toHaveLength(1);
  });

  it('adds the summary note once when the chat ends (ending twice makes no second note)', async () => {
    const chat = await app.startChat({ customer: { name: 'Sam' }, context: { question: 'I was charged twice for my invoice' } });
    const accepted = await app.agentPost<{ caseOutcome: { caseId: string } }>(`/conversations/${chat.id}/accept`);
    await app.agentPost(`/conversations/${chat.id}/messages`, { text: 'I am sorry, I refunded the second charge.' });
    await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: 'Thank you, that solves it.' } });
    await app.agentPost(`/conversations/${chat.id}/end`);
    const first = await agent.waitFor('conversation.case-work', forConversation(chat.id));
    expect(first.summaryNote).toMatchObject({ created: true });
    expect(await agent.waitFor('note.added', (payload) => payload.caseId === accepted.caseOutcome.caseId)).toMatchObject({ kind: 'summary' });

    const again = await app.agentPost<{ alreadyEnded: boolean }>(`/conversations/${chat.id}/end`);
    expect(again.alreadyEnded).toBe(true);
    await agent.waitFor('conversation.case-work', (payload) => payload.conversationId === chat.id && payload !== first);
    const notes = await app.agentGet<NotesBody>(`/cases/${accepted.caseOutcome.caseId}/notes`);
    expect(notes.items.filter((note) => note.kind === 'summary')).toHaveLength(1);
    expect(notes.items[0]?.body.length).toBeGreaterThan(10);
    expect(agent.events('note.added', (payload) => payload.caseId === accepted.caseOutcome.caseId)).toHaveLength(1);
  });

  it('adds no summary note when the admin switched it off', async () => {
    await app.setSettings({ summaryNoteOnChatEnd: false });
    const chat = await app.startChat({ context: { question: 'My parcel never arrived' } });
    const accepted = await app.agentPost<{ caseOutcome: { caseId: string } }>(`/conversations/${chat.id}/accept`);
    await app.agentPost(`/conversations/${chat.id}/end`);
    expect(await agent.waitFor('conversation.case-work', forConversation(chat.id))).toMatchObject({ summaryNote: { created: false, reason: 'disabled' } });
    expect((await app.agentGet<NotesBody>(`/cases/${accepted.caseOutcome.caseId}/notes`)).items).toEqual([]);
  });
});
