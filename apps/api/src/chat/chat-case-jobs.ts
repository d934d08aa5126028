import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  completeEndedConversation, createOrUpdateCaseAtWrapUp, endConversation, type CaseEngineDeps, type EndCaseWorkResult, type EndConversationResult, type WrapUpCaseWorkResult,
} from '@autocase/core';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import { CASE_ENGINE, JOB_QUEUE } from '../tokens.js';
import { toCaseOutcomeView } from './conversation-views.js';
import { AGENTS_ROOM } from './realtime-events.js';
import { RealtimeRooms } from './realtime-rooms.js';

export const WRAP_UP_CASE_WORK_JOB = 'chat.wrap-up-case-work';
export const END_CASE_WORK_JOB = 'chat.end-case-work';

type CaseWorkData = { conversationId: string };

/** Payload of the `conversation.case-work` socket event, sent to agents when a queued case work finished. */
export interface CaseWorkEvent {
  conversationId: string;
  trigger: 'wrap-up' | 'end';
  caseId: string | null;
  /** `created`, `updated`, `already-exists` or `not-enough-context`. */
  outcome: string;
  /** Wrap-up update: the field keys the AI changed. */
  changed?: string[];
  /** End: whether the summary note was added now, or why not. */
  summaryNote?: { created: boolean; reason?: string; noteId?: string };
  message: string;
}

export function describeWrapUpWork(conversationId: string, result: WrapUpCaseWorkResult): CaseWorkEvent {
  if (result.kind === 'updated') {
    const { changed, case: caseRecord, message } = result.caseUpdate;
    return { conversationId, trigger: 'wrap-up', caseId: caseRecord.id, outcome: 'updated', changed, message: message ?? `Updated ${changed.join(', ')} from the conversation` };
  }
  const view = toCaseOutcomeView(result.caseOutcome);
  return { conversationId, trigger: 'wrap-up', caseId: view.caseId, outcome: view.created ? 'created' : (view.reason ?? 'not-created'), message: view.message };
}

export function describeEndWork(conversationId: string, result: EndCaseWorkResult): CaseWorkEvent {
  const view = toCaseOutcomeView(result.caseOutcome);
  const note = result.summaryNote;
  return {
    conversationId,
    trigger: 'end',
    caseId: view.caseId,
    outcome: view.created ? 'created' : (view.reason ?? 'not-created'),
    summaryNote: note.created ? { created: true, noteId: note.note.id } : { created: false, reason: note.reason, ...(note.note ? { noteId: note.note.id } : {}) },
    message: view.message,
  };
}

/**
 * The case work of wrap-up and end runs as queued jobs (prediction and summary can be slow,
 * and a failing predictor is retried). When a job finishes, agents get `conversation.case-work`.
 */
@Injectable()
export class ChatCaseJobs implements OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: HostJobQueue,
    @Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps,
    @Inject(RealtimeRooms) private readonly rooms: RealtimeRooms,
  ) {}

  onModuleInit(): void {
    this.queue.register<CaseWorkData>(WRAP_UP_CASE_WORK_JOB, async ({ conversationId }) => {
      const event = describeWrapUpWork(conversationId, await createOrUpdateCaseAtWrapUp(this.engine, { conversationId }));
      this.rooms.emit(AGENTS_ROOM, 'conversation.case-work', { ...event });
      return event;
    });
    this.queue.register<CaseWorkData>(END_CASE_WORK_JOB, async ({ conversationId }) => {
      const event = describeEndWork(conversationId, await completeEndedConversation(this.engine, { conversationId }));
      this.rooms.emit(AGENTS_ROOM, 'conversation.case-work', { ...event });
      return event;
    });
  }

  /** Ends the conversation (whoever asked: agent or customer; again is harmless) and queues its case work. */
  async endConversation(conversationId: string): Promise<EndConversationResult & { jobId: string }> {
    const result = await endConversation(this.engine, { conversationId, deferCaseWork: true });
    return { ...result, jobId: await this.queueEndWork(conversationId) };
  }

  async queueWrapUpWork(conversationId: string): Promise<string> {
    return this.queue.enqueue<CaseWorkData>(WRAP_UP_CASE_WORK_JOB, { conversationId }, { jobId: `chat-wrap-up-${conversationId}` });
  }

  /**
   * A customer and an agent (or two agents) ending at once both queue the end work under the
   * same job id; the queue may then refuse the second insert of that id. Asking again finds the
   * job the other request added.
   */
  async queueEndWork(conversationId: string): Promise<string> {
    const enqueue = () => this.queue.enqueue<CaseWorkData>(END_CASE_WORK_JOB, { conversationId }, { jobId: `chat-end-${conversationId}` });
    return enqueue().catch(enqueue);
  }
}
