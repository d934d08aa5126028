import type { Case, CaseStatus, Channel, NewCase } from '../domain/case.js';
import type { AuditEntry, Note } from '../domain/audit.js';
import type { Conversation, ChatMessage, ConversationState } from '../domain/conversation.js';
import type { FieldDefinition } from '../domain/field-definition.js';
import type { Settings } from '../domain/settings.js';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface CaseQuery {
  channel?: Channel;
  status?: CaseStatus;
  /** Free text over number, title and field values. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface CaseRepository {
  /**
   * Assigns id, number (`CAS-00001`…), timestamps and version 1. Throws a CONFLICT DomainError
   * when the conversation or the origin key already has a case.
   */
  create(draft: NewCase): Promise<Case>;
  get(id: string): Promise<Case | null>;
  getByNumber(number: string): Promise<Case | null>;
  findByConversationId(conversationId: string): Promise<Case | null>;
  /** The case created by the event with this origin key (NewCase.originKey), if any. */
  findByOriginKey(originKey: string): Promise<Case | null>;
  /** Saves a case; throws ConcurrencyError if `version` is stale. Increments version. */
  save(caseRecord: Case): Promise<Case>;
  list(query: CaseQuery): Promise<Page<Case>>;
}

export interface AuditQuery {
  caseId?: string;
  source?: string;
  field?: string;
  since?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditRepository {
  append(entries: AuditEntry[]): Promise<void>;
  listForCase(caseId: string): Promise<AuditEntry[]>;
  list(query: AuditQuery): Promise<Page<AuditEntry>>;
}

export interface NoteRepository {
  /** Adds a note; when `dedupeKey` is set and a note with that key exists, returns the existing one. */
  add(note: Omit<Note, 'id' | 'createdAt'>): Promise<{ note: Note; created: boolean }>;
  listForCase(caseId: string): Promise<Note[]>;
}

/** What a conditional save expects the stored conversation to be (compare-and-set). */
export interface ConversationExpectation {
  state: ConversationState;
  /** When given, the stored case link must also be this (`null`: no case linked yet). */
  caseId?: string | null;
}

export interface ConversationSaveOptions {
  /**
   * Save only if the stored conversation still matches, checked and written in one step (one
   * conditional UPDATE), so of two racing saves expecting the same state exactly one wins;
   * the other throws ConcurrencyError and nothing is written.
   */
  expected?: ConversationExpectation;
}

export interface ConversationGetOptions {
  /** `false` skips loading the messages; default `true`. */
  messages?: boolean;
}

export interface ConversationRepository {
  create(conversation: Omit<Conversation, 'id' | 'createdAt' | 'messages'> & { messages?: Omit<ChatMessage, 'id' | 'conversationId'>[] }): Promise<Conversation>;
  /** With `{ messages: false }` the messages are not loaded (`messages` is `[]`): for checks of state, agent or case. */
  get(id: string, options?: ConversationGetOptions): Promise<Conversation | null>;
  /** One message of a conversation, or null when the conversation has no message with that id. */
  getMessage(conversationId: string, messageId: string): Promise<ChatMessage | null>;
  /** Saves state, agent, case and times (messages are kept as stored); see `options.expected`. Unknown id: NotFoundError. */
  save(conversation: Conversation, options?: ConversationSaveOptions): Promise<Conversation>;
  appendMessage(conversationId: string, message: Omit<ChatMessage, 'id' | 'conversationId'>): Promise<ChatMessage>;
  list(query: { state?: ConversationState; agentId?: string }): Promise<Conversation[]>;
}

export interface ConfigurationRepository {
  getFields(): Promise<FieldDefinition[]>;
  saveFields(fields: FieldDefinition[]): Promise<void>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
}
