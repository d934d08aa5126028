import type { Note } from '../domain/audit.js';
import type { Conversation } from '../domain/conversation.js';
import { newId, nowIso, predictionContext, toPredictionMessages, type CaseEngineDeps } from './case-engine-deps.js';

export type SummaryNoteOutcome =
  | { created: true; note: Note }
  | { created: false; reason: 'disabled' | 'no-summarizer' | 'no-case' | 'no-messages' | 'already-exists' | 'failed'; message: string; note?: Note };

export function summaryNoteKey(conversationId: string): string {
  return `summary:${conversationId}`;
}

/**
 * Adds the conversation summary note to the case, once per conversation (dedupe key
 * `summary:<conversationId>`), when the admin enabled it and a summarizer is configured.
 * A summarizer failure is reported, not thrown: ending the conversation must not fail.
 */
export async function addConversationSummaryNote(deps: CaseEngineDeps, conversation: Conversation, caseId: string | null): Promise<SummaryNoteOutcome> {
  const settings = await deps.configuration.getSettings();
  if (!settings.summaryNoteOnChatEnd) return { created: false, reason: 'disabled', message: 'The summary note at the end of a chat is switched off' };
  if (!deps.summarizer) return { created: false, reason: 'no-summarizer', message: 'No summarizer is configured' };
  if (!caseId) return { created: false, reason: 'no-case', message: 'The conversation has no case to add the summary to' };
  if (conversation.messages.length === 0) return { created: false, reason: 'no-messages', message: 'The conversation has no messages to summarize' };
  const dedupeKey = summaryNoteKey(conversation.id);
  const existing = (await deps.notes.listForCase(caseId)).find((note) => note.dedupeKey === dedupeKey);
  if (existing) return { created: false, reason: 'already-exists', message: 'The summary note was already added', note: existing };
  let text: string;
  try {
    const summary = await deps.summarizer.doSummarize({ messages: toPredictionMessages(conversation), format: settings.summaryFormat, context: predictionContext(conversation) });
    text = summary.text.trim();
    if (!text) return { created: false, reason: 'failed', message: 'The summarizer returned an empty summary' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger?.warn('summary note failed', { conversationId: conversation.id, message });
    return { created: false, reason: 'failed', message: `The summarizer failed: ${message}` };
  }
  const { note, created } = await deps.notes.add({ caseId, kind: 'summary', body: text, authorId: null, dedupeKey });
  if (!created) return { created: false, reason: 'already-exists', message: 'The summary note was already added', note };
  await deps.audit.append([
    { id: newId(deps), caseId, at: nowIso(deps), action: 'note-added', actor: { type: 'ai' }, source: 'system', reason: 'conversation summary added when the chat ended' },
  ]);
  await deps.events.publish({ type: 'note.added', caseId, noteId: note.id });
  return { created: true, note };
}
