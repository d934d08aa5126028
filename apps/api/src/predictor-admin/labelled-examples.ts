import { createHash } from 'node:crypto';
import type { BacktestExample, CaseRepository, CaseStatus, ConversationRepository, FieldSource, PredictionMessage } from '@autocase/core';
import type { TrainingExampleStore } from './training-example-store.js';

/** A labelled example from any source: what predictors read and the values a human chose. */
export interface LabelledExample extends BacktestExample {
  /** What the admin sees in the per-case table (case number or import row). */
  label: string;
  source: 'case' | 'import' | 'upload';
  /** When it became an example: the import time, or when the case was resolved. */
  at?: string;
}

/** One in this many stored examples is kept out of every training, so backtests can score them. */
export const HELD_OUT_ONE_IN = 10;

/**
 * Whether a stored example is kept out of training: decided by its customer text (the same text is
 * always on the same side, so a duplicate never leaks from training into the scored part).
 */
export function isHeldOutOfTraining(example: Pick<BacktestExample, 'messages'>): boolean {
  const digest = createHash('sha256').update(customerText(example).trim().toLowerCase()).digest();
  return digest.readUInt32BE(0) % HELD_OUT_ONE_IN === 0;
}

/** Values a human confirmed: an agent set them, or they came from an import. */
export const CONFIRMED_SOURCES: FieldSource[] = ['agent', 'import'];
const FINISHED_STATUSES: CaseStatus[] = ['resolved', 'closed'];
const PAGE_SIZE = 100;

/** The text the learned predictor reads: the customer's messages (what it classifies in production). */
export function customerText(example: Pick<BacktestExample, 'messages'>): string {
  return example.messages.filter((message) => message.author === 'customer').map((message) => message.text).join('\n');
}

export function textExample(id: string, label: string, text: string, expected: Record<string, string>, source: LabelledExample['source']): LabelledExample {
  return { id, label, source, messages: [{ id: `${id}-text`, author: 'customer', text }], expected };
}

/** Resolved and closed cases with agent-confirmed (or imported) values, with their conversation's messages. */
export async function* resolvedCaseExamples(cases: CaseRepository, conversations: ConversationRepository): AsyncGenerator<LabelledExample> {
  for (const status of FINISHED_STATUSES) {
    for (let page = 1; ; page += 1) {
      const result = await cases.list({ status, page, pageSize: PAGE_SIZE });
      for (const caseRecord of result.items) {
        const expected: Record<string, string | number | boolean> = {};
        for (const [key, state] of Object.entries(caseRecord.fields)) {
          if (CONFIRMED_SOURCES.includes(state.source) && state.value !== null && state.value !== '') expected[key] = state.value;
        }
        if (Object.keys(expected).length === 0) continue;
        const conversation = caseRecord.conversationId ? await conversations.get(caseRecord.conversationId) : null;
        const messages: PredictionMessage[] = (conversation?.messages ?? []).map((message) => ({ id: message.id, author: message.sender, text: message.text, at: message.at }));
        if (!messages.some((message) => message.author === 'customer')) messages.unshift({ id: `${caseRecord.id}-title`, author: 'customer', text: caseRecord.title });
        yield { id: caseRecord.id, label: caseRecord.number, source: 'case', messages, expected, context: conversation?.context ?? {}, at: caseRecord.resolvedAt ?? caseRecord.updatedAt };
      }
      if (page * PAGE_SIZE >= result.total || result.items.length === 0) break;
    }
  }
}

/** The imported training examples as labelled examples. */
export async function* importedExamples(store: TrainingExampleStore): AsyncGenerator<LabelledExample> {
  let row = 0;
  for await (const example of store.all()) {
    row += 1;
    yield { ...textExample(example.id, `Import #${row}`, example.text, example.fields, 'import'), at: example.createdAt };
  }
}
