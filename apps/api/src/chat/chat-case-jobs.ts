import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  acceptConversation, completeEndedConversation, type ConversationActor, createCaseFromConversation, createOrUpdateCaseAtWrapUp, endConversation, PluginError,
  type AcceptConversationResult, type CaseEngineDeps, type CreateCaseFromConversationResult, type EndConversationResult,
} from '@autocase/core';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import { APP_CONFIG, APP_LOGGER, CASE_ENGINE, JOB_QUEUE } from '../tokens.js';
import { describeAcceptWork, describeEndWork, describeWrapUpWork, finalCaseWorkFailure, type CaseWorkEvent, type CaseWorkTrigger } from './case-work-events.js';
import { loadChatConfig, type ChatConfig } from './chat-config.js';
import { AGENTS_ROOM } from './realtime-events.js';
import { RealtimeRooms } from './realtime-rooms.js';

export const WRAP_UP_CASE_WORK_JOB = 'chat.wrap-up-case-work';
export const END_CASE_WORK_JOB = 'chat.end-case-work';
export const ACCEPT_CASE_WORK_JOB = 'chat.accept-case-work';

/** How long a finished accept-time creation waits for its job to pick up the result. */
const ACCEPT_RESULT_KEPT_MS = 10 * 60 * 1000;

/** An accept, and its case work when it was finished in a queued job because it took longer than the bound. */
export type ChatAcceptResult = AcceptConversationResult & { caseWork?: { queued: true; jobId: string } };

type CaseWorkData = { conversationId: string };

/**
 * The case work of wrap-up and end runs as queued jobs (prediction and summary can be slow,
 * and a failing predictor is retried); so does the accept's case creation when it takes longer
 * than CHAT_ACCEPT_CASE_TIMEOUT_MS. When a job finishes, agents get `conversation.case-work`;
 * when it fails for good after its retries, they get it with outcome `failed` and it is logged.
 */
@Injectable()
export class ChatCaseJobs implements OnModuleInit {
  private readonly chat: ChatConfig;
  /** Accept-time creations still running (or finished, not yet collected) in this process, by conversation. */
  private readonly acceptCreations = new Map<string, Promise<CreateCaseFromConversationResult>>();

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
    this.registerCaseWork(ACCEPT_CASE_WORK_JOB, 'accept', async (conversationId) => describeAcceptWork(conversationId, await this.collectAcceptCreation(conversationId)));
    this.registerCaseWork(WRAP_UP_CASE_WORK_JOB, 'wrap-up', async (conversationId) => describeWrapUpWork(conversationId, await createOrUpdateCaseAtWrapUp(this.engine, { conversationId })));
    this.registerCaseWork(END_CASE_WORK_JOB, 'end', async (conversationId) => describeEndWork(conversationId, await completeEndedConversation(this.engine, { conversationId })));
  }

  /**
   * Accepts the conversation and creates its case (when switched on and there is enough context),
   * waiting at most CHAT_ACCEPT_CASE_TIMEOUT_MS for it: a slower creation (an LLM taking its time)
   * is finished by a queued job, `case.created` follows when the case exists, and the answer says
   * `reason: 'deferred'` with the job id. An agent's accept never hangs on a predictor.
   */
  async acceptConversation(conversationId: string, agentId: string): Promise<ChatAcceptResult> {
    const accepted = await acceptConversation(this.engine, { conversationId, agentId, deferCaseWork: true });
    if (accepted.caseOutcome.created || accepted.caseOutcome.reason !== 'deferred') return accepted;
    const creation = createCaseFromConversation(this.engine, { conversationId, trigger: 'accept' });
    this.keepAcceptCreation(conversationId, creation);
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), this.chat.acceptCaseTimeoutMs);
    });
    const settled = await Promise.race([creation.then((result) => ({ result }), (error: unknown) => ({ error })), bound]).finally(() => clearTimeout(timer));
    if (settled !== 'timed-out') {
      this.acceptCreations.delete(conversationId);
      const conversation = (await this.engine.conversations.get(conversationId)) ?? accepted.conversation;
      if ('result' in settled) return { conversation, caseOutcome: settled.result };
      const message = settled.error instanceof Error ? settled.error.message : String(settled.error);
      this.logger.warn({ err: settled.error, conversationId }, 'case creation on accept failed');
      return { conversation, caseOutcome: { created: false, reason: 'prediction-failed', message: `The case could not be created: ${message}`, retryable: PluginError.is(settled.error) ? settled.error.retryable : false } };
    }
    const jobId = await this.enqueue(ACCEPT_CASE_WORK_JOB, conversationId, `chat-accept-${conversationId}`);
    const message = `Creating the case takes longer than ${this.chat.acceptCaseTimeoutMs} ms; it continues in the background (case.created follows)`;
    return { conversation: accepted.conversation, caseOutcome: { created: false, reason: 'deferred', message }, caseWork: { queued: true, jobId } };
  }

  /** Ends the conversation (whoever asked: agent — `actor` — or customer; again is harmless) and queues its case work. */
  async endConversation(conversationId: string, actor?: ConversationActor): Promise<EndConversationResult & { jobId: string }> {
    const result = await endConversation(this.engine, { conversationId, deferCaseWork: true, actor });
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

  private keepAcceptCreation(conversationId: string, creation: Promise<CreateCaseFromConversationResult>): void {
    this.acceptCreations.set(conversationId, creation);
    const forget = () => {
      setTimeout(() => {
        if (this.acceptCreations.get(conversationId) === creation) this.acceptCreations.delete(conversationId);
      }, ACCEPT_RESULT_KEPT_MS).unref();
    };
    creation.then(forget, forget);
  }

  /** The accept job: the creation still running here, else (another process, a retry) a fresh one. */
  private async collectAcceptCreation(conversationId: string): Promise<CreateCaseFromConversationResult> {
    const running = this.acceptCreations.get(conversationId);
    if (!running) return createCaseFromConversation(this.engine, { conversationId, trigger: 'accept' });
    try {
      return await running;
    } finally {
      this.acceptCreations.delete(conversationId);
    }
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
