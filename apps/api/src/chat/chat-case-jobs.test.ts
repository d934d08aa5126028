import { PluginError, type JobHandler } from '@autocase/core';
import { buildFieldDefinition, createInMemoryCaseEngine, FakePredictorInstance } from '@autocase/core/testing';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../config/app-config.js';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import { ACCEPT_CASE_WORK_JOB, ChatCaseJobs, END_CASE_WORK_JOB, WRAP_UP_CASE_WORK_JOB } from './chat-case-jobs.js';
import { RealtimeRooms } from './realtime-rooms.js';

const fields = [buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }], requiredForCreation: true })];

async function setup(failure: unknown, predictor: { delayMs?: number } = {}) {
  const llm = new FakePredictorInstance({ id: 'llm', delayMs: predictor.delayMs, answer: [{ field: 'category', value: 'billing', confidence: 0.9 }] });
  if (failure !== undefined) llm.failWith(failure);
  const { deps, events } = createInMemoryCaseEngine({ fields, predictors: { llm } });
  const handlers = new Map<string, JobHandler>();
  const queue = { register: (name: string, handler: JobHandler) => handlers.set(name, handler), enqueue: vi.fn(async (_name: string, _data: unknown, options: { jobId: string }) => options.jobId) };
  const emitted: { room: string; event: string; payload: Record<string, unknown> }[] = [];
  const rooms = new RealtimeRooms();
  rooms.attach({ to: (room: string) => ({ emit: (event: string, payload: Record<string, unknown>) => emitted.push({ room, event, payload }) }) } as unknown as Server);
  const logged: { fields: Record<string, unknown>; message: string }[] = [];
  const logger = { error: (logFields: Record<string, unknown>, message: string) => logged.push({ fields: logFields, message }) } as unknown as Logger;
  const config = { chat: { acceptCaseTimeoutMs: 100, caseWorkAttempts: 3, caseWorkBackoffMs: 10 } } as AppConfig;
  const jobs = new ChatCaseJobs(queue as unknown as HostJobQueue, deps, rooms, logger, config);
  jobs.onModuleInit();
  const conversation = await deps.conversations.create({
    state: 'waiting', customer: {}, context: {}, origin: 'direct', agentId: null, caseId: null, acceptedAt: null, endedAt: null,
    messages: [{ sender: 'customer', text: 'I was charged twice', at: '2026-01-01T00:00:00.000Z' }],
  });
  return { jobs, queue, handlers, emitted, logged, deps, events, conversationId: conversation.id };
}

describe('ChatCaseJobs when the case work fails', () => {
  it('stays quiet while the queue will retry, then tells agents and logs when the last attempt failed', async () => {
    const { jobs, queue, handlers, emitted, logged, conversationId } = await setup(new PluginError('TEMPORARY', 'provider down'));
    const jobId = await jobs.queueEndWork(conversationId);
    expect(queue.enqueue).toHaveBeenCalledWith(END_CASE_WORK_JOB, { conversationId }, { jobId: `chat-end-${conversationId}`, attempts: 3, backoffMs: 10 });
    const run = handlers.get(END_CASE_WORK_JOB)!;
    for (const attempt of [1, 2]) await expect(run({ conversationId }, { jobId, attempt })).rejects.toThrow('provider down');
    expect(emitted).toEqual([]);
    expect(logged).toEqual([]);

    await expect(run({ conversationId }, { jobId, attempt: 3 })).rejects.toThrow('provider down');
    const message = 'Creating the case and summary note after the end failed for good (gave up after 3 attempts): provider down';
    expect(emitted).toEqual([{ room: 'agents', event: 'conversation.case-work', payload: { conversationId, trigger: 'end', caseId: null, outcome: 'failed', message } }]);
    expect(logged).toEqual([{ fields: expect.objectContaining({ conversationId, trigger: 'end', jobId, attempt: 3 }), message: `chat case work failed for good: ${message}` }]);
  });

  it('reports at once an error the queue does not retry', async () => {
    const { handlers, emitted, logged } = await setup(new PluginError('TEMPORARY', 'provider down'));
    await expect(handlers.get(WRAP_UP_CASE_WORK_JOB)!({ conversationId: 'gone' }, { jobId: 'job-1', attempt: 1 })).rejects.toThrow('conversation gone not found');
    expect(emitted.map((item) => item.payload)).toEqual([
      { conversationId: 'gone', trigger: 'wrap-up', caseId: null, outcome: 'failed', message: 'Creating or updating the case at wrap-up failed for good (domain error NOT_FOUND is not retryable): conversation gone not found' },
    ]);
    expect(logged).toHaveLength(1);
  });
});

describe('ChatCaseJobs.acceptConversation', () => {
  it('creates the case before answering when the predictors are quick', async () => {
    const { jobs, queue, deps, conversationId } = await setup(undefined);
    const accepted = await jobs.acceptConversation(conversationId, 'agent-1');
    expect(accepted.caseOutcome).toMatchObject({ created: true });
    expect(accepted.conversation).toMatchObject({ state: 'active', agentId: 'agent-1', caseId: expect.any(String) });
    expect(accepted.caseWork).toBeUndefined();
    expect(queue.enqueue).not.toHaveBeenCalled();
    expect(await deps.cases.findByConversationId(conversationId)).not.toBeNull();
  });

  it('answers after the bound when the predictor is slow, and the queued job finishes the same creation', async () => {
    const { jobs, queue, handlers, emitted, deps, events, conversationId } = await setup(undefined, { delayMs: 400 });
    const startedAt = Date.now();
    const accepted = await jobs.acceptConversation(conversationId, 'agent-1');
    expect(Date.now() - startedAt).toBeLessThan(350);
    expect(accepted.conversation).toMatchObject({ state: 'active', agentId: 'agent-1', caseId: null });
    expect(accepted.caseOutcome).toEqual({ created: false, reason: 'deferred', message: 'Creating the case takes longer than 100 ms; it continues in the background (case.created follows)' });
    expect(accepted.caseWork).toEqual({ queued: true, jobId: `chat-accept-${conversationId}` });
    expect(queue.enqueue).toHaveBeenCalledWith(ACCEPT_CASE_WORK_JOB, { conversationId }, { jobId: `chat-accept-${conversationId}`, attempts: 3, backoffMs: 10 });

    const event = await handlers.get(ACCEPT_CASE_WORK_JOB)!({ conversationId }, { jobId: `chat-accept-${conversationId}`, attempt: 1 });
    const created = await deps.cases.findByConversationId(conversationId);
    expect(event).toMatchObject({ conversationId, trigger: 'accept', outcome: 'created', caseId: created?.id });
    expect(emitted.map((item) => item.payload)).toEqual([event]);
    expect(events.ofType('case.created')).toEqual([expect.objectContaining({ caseId: created?.id, conversationId })]);
    expect((await deps.conversations.get(conversationId))?.caseId).toBe(created?.id);
  });

  it('runs the creation afresh when the job runs where no creation is in flight', async () => {
    const { handlers, deps, conversationId } = await setup(undefined);
    await deps.conversations.save({ ...(await deps.conversations.get(conversationId))!, state: 'active', agentId: 'agent-1' });
    const event = await handlers.get(ACCEPT_CASE_WORK_JOB)!({ conversationId }, { jobId: 'job-1', attempt: 1 });
    expect(event).toMatchObject({ trigger: 'accept', outcome: 'created' });
    expect(await deps.cases.findByConversationId(conversationId)).not.toBeNull();
  });
});
