import type { InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { ConcurrencyError, NotFoundError, type ChatMessage, type Clock, type Conversation, type ConversationGetOptions, type ConversationRepository, type ConversationSaveOptions, type ConversationState } from '@autocase/core';
import { ChatMessageEntity, ConversationEntity } from '../entities/index.js';
import { reserveCounterValues } from './sql-counter.js';
import { scopedEm } from '../transaction-scope.js';

type ConversationRow = InferEntity<typeof ConversationEntity>;
type MessageRow = InferEntity<typeof ChatMessageEntity>;
type NewMessage = Omit<ChatMessage, 'id' | 'conversationId'>;
interface ConversationColumns {
  id: string;
  state: string;
  customer: unknown;
  context: unknown;
  origin: string;
  agent_id: string | null;
  case_id: string | null;
  created_at: string;
  accepted_at: string | null;
  ended_at: string | null;
}

function messageFromColumns(row: MessageColumns): ChatMessage {
  return { id: row.id, conversationId: row.conversation_id, sender: row.sender as ChatMessage['sender'], senderName: row.sender_name ?? null, text: row.text, at: row.at };
}

/** SQLite hands JSON columns back as text, PostgreSQL already parsed. */
function jsonColumn(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

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
      await this.insertMessages(em as unknown as MikroORM['em'], id, messages);
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

  private async insertMessages(em: MikroORM['em'], conversationId: string, messages: NewMessage[]): Promise<ChatMessage[]> {
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
    // Plain parameterised SQL on the hot path of every chat message (no entity machinery).
    const placeholders = rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    await em
      .getConnection()
      .execute(
        `insert into chat_messages (id, conversation_id, sequence, sender, sender_name, text, at) values ${placeholders}`,
        rows.flatMap((row) => [row.id, row.conversationId, row.sequence, row.sender, row.senderName, row.text, row.at]),
        'run',
        em.getTransactionContext(),
      );
    return rows.map(toMessage);
  }

  async get(id: string, options: ConversationGetOptions = {}): Promise<Conversation | null> {
    const conversation = await this.getWithoutMessages(id);
    if (!conversation || options.messages === false) return conversation;
    const em = scopedEm(this.orm);
    const rows = (await em
      .getConnection()
      .execute<MessageColumns[]>('select id, conversation_id, sender, sender_name, text, at from chat_messages where conversation_id = ? order by sequence asc', [id], 'all', em.getTransactionContext())) as MessageColumns[];
    return { ...conversation, messages: rows.map(messageFromColumns) };
  }

  /** Plain parameterised SQL (no entity machinery): conversations are read on every message and transition. */
  private async getWithoutMessages(id: string): Promise<Conversation | null> {
    // Inside a unit of work (a case created for the conversation) the read joins its transaction.
    const em = scopedEm(this.orm);
    const rows = (await em.getConnection().execute<ConversationColumns[]>('select * from conversations where id = ?', [id], 'all', em.getTransactionContext())) as ConversationColumns[];
    const row = rows[0];
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
    const rows = (await this.orm.em
      .getConnection()
      .execute<MessageColumns[]>('select id, conversation_id, sender, sender_name, text, at from chat_messages where id = ? and conversation_id = ?', [messageId, conversationId], 'all')) as MessageColumns[];
    const row = rows[0];
    return row ? messageFromColumns(row) : null;
  }

  /** With `expected`, one conditional UPDATE (`… where id = ? and state = ? [and case_id = ?]`): a racing save finds no row to change. */
  async save(conversation: Conversation, options: ConversationSaveOptions = {}): Promise<Conversation> {
    // Plain parameterised SQL: every transition saves the conversation (once for the move, once for the case link).
    const em = scopedEm(this.orm);
    const connection = em.getConnection();
    const expected = options.expected;
    const conditions = ['id = ?'];
    const conditionValues: unknown[] = [conversation.id];
    if (expected) {
      conditions.push('state = ?');
      conditionValues.push(expected.state);
      if (expected.caseId === null) conditions.push('case_id is null');
      else if (expected.caseId !== undefined) {
        conditions.push('case_id = ?');
        conditionValues.push(expected.caseId);
      }
    }
    const values = [
      conversation.state,
      JSON.stringify(conversation.customer),
      JSON.stringify(conversation.context),
      conversation.origin,
      conversation.agentId ?? null,
      conversation.caseId ?? null,
      conversation.acceptedAt ?? null,
      conversation.endedAt ?? null,
    ];
    const result = (await connection.execute<{ affectedRows: number }>(
      `update conversations set state = ?, customer = ?, context = ?, origin = ?, agent_id = ?, case_id = ?, accepted_at = ?, ended_at = ? where ${conditions.join(' and ')}`,
      [...values, ...conditionValues],
      'run',
      em.getTransactionContext(),
    )) as { affectedRows: number };
    if (result.affectedRows === 0) {
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
      const found = (await em.getConnection().execute<unknown[]>('select 1 as found from conversations where id = ?', [conversationId], 'all', em.getTransactionContext())) as unknown[];
      if (found.length === 0) throw new NotFoundError('conversation', conversationId);
      return this.insertMessages(em as unknown as MikroORM['em'], conversationId, [message]);
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
