import type { ChatMessage, Conversation, ConversationState } from '../domain/conversation.js';
import { ConcurrencyError, NotFoundError } from '../domain/errors.js';
import type { ConversationGetOptions, ConversationRepository, ConversationSaveOptions } from '../ports/repositories.js';
import { systemClock } from '../ports/services.js';
import type { InMemoryRepositoryOptions } from './in-memory-case-repository.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

type NewConversation = Parameters<ConversationRepository['create']>[0];

/** A ConversationRepository in memory. Messages are only added through `create` and `appendMessage`. */
export class InMemoryConversationRepository implements ConversationRepository {
  private readonly records = new Map<string, Conversation>();
  private readonly clock;
  private readonly ids;
  private readonly messageIds;

  constructor(options: InMemoryRepositoryOptions & { messageIds?: InMemoryRepositoryOptions['ids'] } = {}) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? new SequentialIdGenerator('conversation');
    this.messageIds = options.messageIds ?? new SequentialIdGenerator('message');
  }

  async create(draft: NewConversation): Promise<Conversation> {
    const { messages = [], ...rest } = structuredClone(draft);
    const id = this.ids.next();
    const record: Conversation = {
      ...rest,
      id,
      createdAt: this.clock.now().toISOString(),
      messages: messages.map((message) => ({ ...message, id: this.messageIds.next(), conversationId: id })),
    };
    this.records.set(id, record);
    return structuredClone(record);
  }

  async get(id: string, options: ConversationGetOptions = {}): Promise<Conversation | null> {
    const record = this.records.get(id);
    if (!record) return null;
    return structuredClone(options.messages === false ? { ...record, messages: [] } : record);
  }

  async getMessage(conversationId: string, messageId: string): Promise<ChatMessage | null> {
    const message = this.records.get(conversationId)?.messages.find((candidate) => candidate.id === messageId);
    return message ? structuredClone(message) : null;
  }

  async save(conversation: Conversation, options: ConversationSaveOptions = {}): Promise<Conversation> {
    const stored = this.records.get(conversation.id);
    if (!stored) throw new NotFoundError('conversation', conversation.id);
    const expected = options.expected;
    if (expected && (stored.state !== expected.state || (expected.caseId !== undefined && (stored.caseId ?? null) !== expected.caseId))) {
      throw new ConcurrencyError('conversation', conversation.id);
    }
    const { messages: _ignored, ...fields } = structuredClone(conversation);
    const saved: Conversation = { ...fields, id: stored.id, createdAt: stored.createdAt, messages: stored.messages };
    this.records.set(saved.id, saved);
    return structuredClone(saved);
  }

  async appendMessage(conversationId: string, message: Omit<ChatMessage, 'id' | 'conversationId'>): Promise<ChatMessage> {
    const stored = this.records.get(conversationId);
    if (!stored) throw new NotFoundError('conversation', conversationId);
    const saved: ChatMessage = { ...structuredClone(message), id: this.messageIds.next(), conversationId };
    stored.messages.push(saved);
    return structuredClone(saved);
  }

  /** Oldest first. */
  async list(query: { state?: ConversationState; agentId?: string }): Promise<Conversation[]> {
    return [...this.records.values()]
      .filter((record) => (query.state === undefined || record.state === query.state) && (query.agentId === undefined || record.agentId === query.agentId))
      .sort((left, right) => left.createdAt.localeCompare(right.createdAt))
      .map((record) => structuredClone(record));
  }
}
