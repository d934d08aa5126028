import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { completeEndedConversation, createOrUpdateCaseAtWrapUp, endConversation, type CaseEngineDeps, type EndConversationResult } from '@autocase/core';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import { APP_CONFIG, APP_LOGGER, CASE_ENGINE, JOB_QUEUE } from '../tokens.js';
import { describeEndWork, describeWrapUpWork, finalCaseWorkFailure, type CaseWorkEvent, type CaseWorkTrigger } from './case-work-events.js';
import { loadChatConfig, type ChatConfig } from './chat-config.js';
import { AGENTS_ROOM } from './realtime-events.js';
import { RealtimeRooms } from './realtime-rooms.js';

export const WRAP_UP_CASE_WORK_JOB = 'chat.wrap-up-case-work';
export const END_CASE_WORK_JOB = 'chat.end-case-work';

type CaseWorkData = { conversationId: string };

/**
 * The case work of wrap-up and end runs as queued jobs (prediction and summary can be slow,
 * and a failing predictor is retried). When a job finishes, agents get `conversation.case-work`;
 * when it fails for good after its retries, they get it with outcome `failed` and it is logged.
 */
@Injectable()
export class ChatCaseJobs implements OnModuleInit {
  private readonly chat: ChatConfig;

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: HostJobQueue,
    @Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps,
    @Inject(RealtimeRooms) private readonly rooms: RealtimeRooms,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.chat = config.chat ?? loadChatConfig({});
  }

  onModuleInit(): void {
    this.registerCaseWork(WRAP_UP_CASE_WORK_JOB, 'wrap-up', async (conversationId) => describeWrapUpWork(conversationId, await createOrUpdateCaseAtWrapUp(this.engine, { conversationId })));
    this.registerCaseWork(END_CASE_WORK_JOB, 'end', async (conversationId) => describeEndWork(conversationId, await completeEndedConversation(this.engine, { conversationId })));
  }

  /** Ends the conversation (whoever asked: agent or customer; again is harmless) and queues its case work. */
  async endConversation(conversationId: string): Promise<EndConversationResult & { jobId: string }> {
    const result = await endConversation(this.engine, { conversationId, deferCaseWork: true });
    return { ...result, jobId: await this.queueEndWork(conversationId) };
  }

  async queueWrapUpWork(conversationId: string): Promise<string> {
    return this.enqueue(WRAP_UP_CASE_WORK_JOB, conversationId, `chat-wrap-up-${conversationId}`);
  }

  /**
   * A customer and an agent (or two agents) ending at once both queue the end work under the
   * same job id; the queue may then refuse the second insert of that id. Asking again finds the
   * job the other request added.
   */
  async queueEndWork(conversationId: string): Promise<string> {
    const enqueue = () => this.enqueue(END_CASE_WORK_JOB, conversationId, `chat-end-${conversationId}`);
    return enqueue().catch(enqueue);
  }

  private enqueue(name: string, conversationId: string, jobId: string): Promise<string> {
    return this.queue.enqueue<CaseWorkData>(name, { conversationId }, { jobId, attempts: this.chat.caseWorkAttempts, backoffMs: this.chat.caseWorkBackoffMs });
  }

  private registerCaseWork(name: string, trigger: CaseWorkTrigger, work: (conversationId: string) => Promise<CaseWorkEvent>): void {
    this.queue.register<CaseWorkData>(name, async ({ conversationId }, meta) => {
      try {
        const event = await work(conversationId);
        this.rooms.emit(AGENTS_ROOM, 'conversation.case-work', { ...event });
        return event;
      } catch (error) {
        await this.reportIfFinal(conversationId, trigger, error, meta);
        throw error;
      }
    });
  }

  private async reportIfFinal(conversationId: string, trigger: CaseWorkTrigger, error: unknown, meta: { jobId: string; attempt: number }): Promise<void> {
    const caseId = (await this.engine.conversations.get(conversationId).catch(() => null))?.caseId ?? null;
    const failed = finalCaseWorkFailure({ conversationId, trigger, caseId, error, attempt: meta.attempt, maxAttempts: this.chat.caseWorkAttempts });
    if (!failed) return;
    this.logger.error({ err: error, conversationId, trigger, jobId: meta.jobId, attempt: meta.attempt }, `chat case work failed for good: ${failed.message}`);
    this.rooms.emit(AGENTS_ROOM, 'conversation.case-work', { ...failed });
  }
}
