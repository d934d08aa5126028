import type { CreateCaseFromConversationResult, EndCaseWorkResult, WrapUpCaseWorkResult } from '@autocase/core';
import { decideRetry } from '../queue/retry-policy.js';
import { toCaseOutcomeView } from './conversation-views.js';

export type CaseWorkTrigger = 'accept' | 'wrap-up' | 'end';

/** Payload of the `conversation.case-work` socket event, sent to agents when a queued case work finished. */
export interface CaseWorkEvent {
  conversationId: string;
  trigger: CaseWorkTrigger;
  caseId: string | null;
  /** `created`, `updated`, `already-exists`, `not-enough-context`, or `failed` (the work gave up after its retries). */
  outcome: string;
  /** Wrap-up update: the field keys the AI changed. */
  changed?: string[];
  /** End: whether the summary note was added now, or why not. */
  summaryNote?: { created: boolean; reason?: string; noteId?: string };
  message: string;
}

export function describeAcceptWork(conversationId: string, result: CreateCaseFromConversationResult): CaseWorkEvent {
  const view = toCaseOutcomeView(result);
  return { conversationId, trigger: 'accept', caseId: view.caseId, outcome: view.created ? 'created' : (view.reason ?? 'not-created'), message: view.message };
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

const TRIGGER_WORK: Record<CaseWorkTrigger, string> = {
  accept: 'creating the case after the accept',
  'wrap-up': 'creating or updating the case at wrap-up',
  end: 'creating the case and summary note after the end',
};

/**
 * The `failed` case-work event when this attempt was the job's last — decided by the queue's own
 * retry policy (`decideRetry`) with the attempts the job was queued with; null while the queue
 * will retry.
 */
export function finalCaseWorkFailure(input: {
  conversationId: string;
  trigger: CaseWorkTrigger;
  caseId: string | null;
  error: unknown;
  attempt: number;
  maxAttempts: number;
}): CaseWorkEvent | null {
  const decision = decideRetry(input.error, input.attempt, input.maxAttempts, 0);
  if (decision.retry) return null;
  const cause = input.error instanceof Error ? input.error.message : String(input.error);
  return {
    conversationId: input.conversationId,
    trigger: input.trigger,
    caseId: input.caseId,
    outcome: 'failed',
    message: `${TRIGGER_WORK[input.trigger]} failed for good (${decision.reason}): ${cause}`.replace(/^./, (first) => first.toUpperCase()),
  };
}
