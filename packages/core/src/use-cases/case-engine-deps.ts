import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../domain/audit.js';
import type { Conversation } from '../domain/conversation.js';
import type { AuditEntryDraft } from '../engine/merge-predictions.js';
import type { PredictionRunnerPort } from '../engine/prediction-runner.js';
import type { PluginLogger } from '../plugins/plugin-context.js';
import type { PredictionMessage } from '../plugins/predictor.js';
import type { SummarizerInstance } from '../plugins/summarizer.js';
import type { PredictionLogRepository } from '../ports/prediction-log.js';
import type { AuditRepository, CaseRepository, ConfigurationRepository, ConversationRepository, NoteRepository } from '../ports/repositories.js';
import type { Clock, EventPublisher, IdGenerator, UnitOfWork } from '../ports/services.js';

/** Everything the case use cases work with. Hosts build it once (e.g. a NestJS provider). */
export interface CaseEngineDeps {
  cases: CaseRepository;
  audit: AuditRepository;
  notes: NoteRepository;
  conversations: ConversationRepository;
  configuration: ConfigurationRepository;
  clock: Clock;
  events: EventPublisher;
  /** Runs the configured predictors (a `PredictionRunner`). */
  predictors: PredictionRunnerPort;
  /** Writes the conversation summary note at the end of a chat, when configured. */
  summarizer?: SummarizerInstance;
  /** Ids for audit entries and prediction log entries (default: random UUIDs). */
  ids?: IdGenerator;
  /** Where prediction runs and their decisions are kept, when the host stores them. */
  predictionLog?: PredictionLogRepository;
  /** Makes a case's creation (case, audit, prediction log, link) one transaction, when the host has them. */
  unitOfWork?: UnitOfWork;
  logger?: PluginLogger;
}

export function newId(deps: Pick<CaseEngineDeps, 'ids'>): string {
  return deps.ids ? deps.ids.next() : randomUUID();
}

export function nowIso(deps: Pick<CaseEngineDeps, 'clock'>): string {
  return deps.clock.now().toISOString();
}

export function toAuditEntries(deps: Pick<CaseEngineDeps, 'ids'>, caseId: string, drafts: AuditEntryDraft[]): AuditEntry[] {
  return drafts.map((draft) => ({ ...draft, id: newId(deps), caseId }));
}

/** The conversation's messages as predictors and summarizers read them. */
export function toPredictionMessages(conversation: Pick<Conversation, 'messages'>): PredictionMessage[] {
  return conversation.messages.map((message) => ({ id: message.id, author: message.sender, text: message.text, at: message.at }));
}

/** Context variables for predictors: the conversation's context plus what is known about the customer. */
export function predictionContext(conversation: Pick<Conversation, 'context' | 'customer' | 'origin'>): Record<string, string> {
  const context: Record<string, string> = { channel: 'chat', origin: conversation.origin };
  if (conversation.customer.name) context.customerName = conversation.customer.name;
  if (conversation.customer.email) context.customerEmail = conversation.customer.email;
  if (conversation.customer.phone) context.customerPhone = conversation.customer.phone;
  return { ...context, ...conversation.context };
}
