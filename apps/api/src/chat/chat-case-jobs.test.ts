import { PluginError, type JobHandler } from '@autocase/core';
import { buildFieldDefinition, createInMemoryCaseEngine, FakePredictorInstance } from '@autocase/core/testing';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../config/app-config.js';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import { ChatCaseJobs, END_CASE_WORK_JOB, WRAP_UP_CASE_WORK_JOB } from './chat-case-jobs.js';
import { RealtimeRooms } from './realtime-rooms.js';

const fields = [buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }], requiredForCreation: true })];

async function setup(failure: unknown) {
  const llm = new FakePredictorInstance({ id: 'llm' }).failWith(failure);
  const { deps } = createInMemoryCaseEngine({ fields, predictors: { llm } });
  const handlers = new Map<string, JobHandler>();
  const queue = { register: (name: string, handler: JobHandler) => handlers.set(name, handler), enqueue: vi.fn(async (_name: string, _data: unknown, options: { jobId: string }) => options.jobId) };
  const emitted: { room: string; event: string; payload: Record<string, unknown> }[] = [];
  const rooms = new RealtimeRooms();
  rooms.attach({ to: (room: string) => ({ emit: (event: string, payload: Record<string, unknown>) => emitted.push({ room, event, payload }) }) } as unknown as Server);
  const logged: { fields: Record<string, unknown>; message: string }[] = [];
  const logger = { error: (logFields: Record<string, unknown>, message: string) => logged.push({ fields: logFields, message }) } as unknown as Logger;
  const config = { chat: { acceptCaseTimeoutMs: 2000, caseWorkAttempts: 3, caseWorkBackoffMs: 10 } } as AppConfig;
  const jobs = new ChatCaseJobs(queue as unknown as HostJobQueue, deps, rooms, logger, config);
  jobs.onModuleInit();
  const conversation = await deps.conversations.create({
    state: 'active', customer: {}, context: {}, origin: 'direct', agentId: 'agent-1', caseId: null, acceptedAt: null, endedAt: null,
    messages: [{ sender: 'customer', text: 'I was charged twice', at: '2026-01-01T00:00:00.000Z' }],
  });
  return { jobs, queue, handlers, emitted, logged, conversationId: conversation.id };
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
