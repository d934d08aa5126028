import type { InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { ConcurrencyError, NotFoundError, type ChatMessage, type Clock, type Conversation, type ConversationGetOptions, type ConversationRepository, type ConversationSaveOptions, type ConversationState } from '@autocase/core';
import { ChatMessageEntity, ConversationEntity } from '../entities/index.js';
import { typedTables } from './typed-tables.js';
import { reserveCounterValues } from './sql-counter.js';
import { scopedEm } from '../transaction-scope.js';

type ConversationRow = InferEntity<typeof ConversationEntity>;
type MessageRow = InferEntity<typeof ChatMessageEntity>;
type NewMessage = Omit<ChatMessage, 'id' | 'conversationId'>;

function messageFromColumns(row: MessageColumns): ChatMessage {
  return { id: row.id, conversationId: row.conversation_id, sender: row.sender as ChatMessage['sender'], senderName: row.sender_name ?? null, text: row.text, at: row.at };
}

/** SQLite hands JSON columns back as text, PostgreSQL already parsed. */
function jsonColumn(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

const MESSAGE_COLUMNS = ['id', 'conversation_id', 'sender', 'sender_name', 'text', 'at'] as const;

interface MessageColumns {
  id: string;
  conversation_id: string;
  sender: string;
  sender_name: string | null;
  text: string;
  at: string;
}

function toMessage(row: MessageRow): ChatMessage {
  return { id: row.id, conversationId: row.conversationId, sender: row.sender as ChatMessage['sender'], senderName: row.senderName ?? null, text: row.text, at: row.at };
}

function toConversation(row: ConversationRow, messages: ChatMessage[]): Conversation {
  return {
    id: row.id,
    state: row.state as ConversationState,
    customer: row.customer as Conversation['customer'],
    context: row.context,
    origin: row.origin,
    agentId: row.agentId ?? null,
    caseId: row.caseId ?? null,
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt ?? null,
    endedAt: row.endedAt ?? null,
    messages,
  };
}

export class MikroConversationRepository implements ConversationRepository {
  private lastCreatedAt = 0;
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async create(conversation: Omit<Conversation, 'id' | 'createdAt' | 'messages'> & { messages?: NewMessage[] }): Promise<Conversation> {
    const id = randomUUID();
    const createdAt = this.nextCreatedAt();
    const { messages = [], ...fields } = conversation;
    await this.orm.em.fork().transactional(async (em) => {
      await em.insert(ConversationEntity, {
        id,
        state: fields.state,
        customer: fields.customer as Record<string, unknown>,
        context: fields.context,
        origin: fields.origin,
        agentId: fields.agentId ?? null,
        caseId: fields.caseId ?? null,
        createdAt,
        acceptedAt: fields.acceptedAt ?? null,
        endedAt: fields.endedAt ?? null,
      });
      await this.insertMessages(em, id, messages);
    });
    const created = await this.get(id);
    if (!created) throw new NotFoundError('conversation', id);
    return created;
  }

  /**
   * Creation times strictly increase within this process (a burst in one millisecond gets
   * +1 ms steps), so `list` — ordered by creation time — keeps the order conversations started in.
   */
  private nextCreatedAt(): string {
    const next = Math.max(this.clock.now().getTime(), this.lastCreatedAt + 1);
    this.lastCreatedAt = next;
    return new Date(next).toISOString();
  }

  private async insertMessages(em: EntityManager, conversationId: string, messages: NewMessage[]): Promise<ChatMessage[]> {
    if (messages.length === 0) return [];
    const last = await reserveCounterValues(em, 'chat-message', messages.length);
    const rows = messages.map((message, index) => ({
      id: randomUUID(),
      conversationId,
      sequence: last - messages.length + 1 + index,
      sender: message.sender,
      senderName: message.senderName ?? null,
      text: message.text,
      at: message.at,
    }));
    // Plain bound SQL on the hot path of every chat message (no entity machinery).
    await typedTables(em)
      .insertInto('chat_messages')
      .values(rows.map((row) => ({ id: row.id, conversation_id: row.conversationId, sequence: row.sequence, sender: row.sender, sender_name: row.senderName, text: row.text, at: row.at })))
      .execute();
    return rows.map(toMessage);
  }

  async get(id: string, options: ConversationGetOptions = {}): Promise<Conversation | null> {
    const conversation = await this.getWithoutMessages(id);
    if (!conversation || options.messages === false) return conversation;
    const rows = await typedTables(scopedEm(this.orm))
      .selectFrom('chat_messages')
      .select(MESSAGE_COLUMNS)
      .where('conversation_id', '=', id)
      .orderBy('sequence', 'asc')
      .execute();
    return { ...conversation, messages: rows.map(messageFromColumns) };
  }

  /** Plain bound SQL (no entity machinery): conversations are read on every message and transition. */
  private async getWithoutMessages(id: string): Promise<Conversation | null> {
    const row = await typedTables(scopedEm(this.orm)).selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return toConversation(
      {
        id: row.id,
        state: row.state,
        customer: jsonColumn(row.customer) as Record<string, unknown>,
        context: jsonColumn(row.context) as Record<string, string>,
        origin: row.origin,
        agentId: row.agent_id,
        caseId: row.case_id,
        createdAt: row.created_at,
        acceptedAt: row.accepted_at,
        endedAt: row.ended_at,
      } as ConversationRow,
      [],
    );
  }

  async getMessage(conversationId: string, messageId: string): Promise<ChatMessage | null> {
    const row = await typedTables(scopedEm(this.orm))
      .selectFrom('chat_messages')
      .select(MESSAGE_COLUMNS)
      .where('id', '=', messageId)
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row ? messageFromColumns(row) : null;
  }

  /** With `expected`, one conditional UPDATE (`… where id = ? and state = ? [and case_id = ?]`): a racing save finds no row to change. */
  async save(conversation: Conversation, options: ConversationSaveOptions = {}): Promise<Conversation> {
    // Plain bound SQL: every transition saves the conversation (once for the move, once for the case link).
    const expected = options.expected;
    let update = typedTables(scopedEm(this.orm))
      .updateTable('conversations')
      .set({
        state: conversation.state,
        customer: JSON.stringify(conversation.customer),
        context: JSON.stringify(conversation.context),
        origin: conversation.origin,
        agent_id: conversation.agentId ?? null,
        case_id: conversation.caseId ?? null,
        accepted_at: conversation.acceptedAt ?? null,
        ended_at: conversation.endedAt ?? null,
      })
      .where('id', '=', conversation.id);
    if (expected) {
      update = update.where('state', '=', expected.state);
      if (expected.caseId === null) update = update.where('case_id', 'is', null);
      else if (expected.caseId !== undefined) update = update.where('case_id', '=', expected.caseId);
    }
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      if (expected && (await this.getWithoutMessages(conversation.id))) throw new ConcurrencyError('conversation', conversation.id);
      throw new NotFoundError('conversation', conversation.id);
    }
    const saved = await this.get(conversation.id);
    if (!saved) throw new NotFoundError('conversation', conversation.id);
    return saved;
  }

  /** The existence check, the sequence number and the insert in one transaction: one commit per message. */
  async appendMessage(conversationId: string, message: NewMessage): Promise<ChatMessage> {
    const [stored] = await this.orm.em.fork().transactional(async (em) => {
      const found = await typedTables(em).selectFrom('conversations').select('id').where('id', '=', conversationId).executeTakeFirst();
      if (!found) throw new NotFoundError('conversation', conversationId);
      return this.insertMessages(em, conversationId, [message]);
    });
    if (!stored) throw new NotFoundError('conversation', conversationId);
    return stored;
  }

  async list(query: { state?: ConversationState; agentId?: string }): Promise<Conversation[]> {
    const em = this.orm.em.fork();
    const where: Record<string, unknown> = {};
    if (query.state) where.state = query.state;
    if (query.agentId) where.agentId = query.agentId;
    const rows = await em.find(ConversationEntity, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 });
    if (rows.length === 0) return [];
    const messages = await em.find(ChatMessageEntity, { conversationId: { $in: rows.map((row) => row.id) } }, { orderBy: { sequence: 'asc' } });
    return rows.map((row) => toConversation(row, messages.filter((message) => message.conversationId === row.id).map(toMessage)));
  }
}
