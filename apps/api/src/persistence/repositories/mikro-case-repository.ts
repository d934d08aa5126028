import type { InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { ConcurrencyError, ConflictError, NotFoundError, formatCaseNumber, type Case, type CaseQuery, type CaseRepository, type Clock, type NewCase, type Page } from '@autocase/core';
import { CaseEntity } from '../entities/index.js';
import { jsonColumn, queryBound, runBound } from '../bound-statement.js';
import { inTransaction, scopedEm } from '../transaction-scope.js';
import { reserveCounterValues } from './sql-counter.js';
import { containsText } from '../contains-text.js';

type CaseRow = Omit<InferEntity<typeof CaseEntity>, 'originKey'>;

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

export function caseSearchText(caseRecord: Pick<Case, 'number' | 'title' | 'contactEmail' | 'fields'>): string {
  const values = Object.values(caseRecord.fields).map((state) => (state.value === null || state.value === undefined ? '' : String(state.value)));
  return [caseRecord.number, caseRecord.title, caseRecord.contactEmail ?? '', ...values].join('\n').toLowerCase();
}

/** A case from its row: the entity MikroORM loaded, or the columns of a bound read (see fromColumns). */
function toCase(row: Omit<CaseRow, 'sequence' | 'searchText'>): Case {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status as Case['status'],
    channel: row.channel as Case['channel'],
    fields: row.fields as Case['fields'],
    conversationId: row.conversationId ?? null,
    contactEmail: row.contactEmail ?? null,
    parentCaseId: row.parentCaseId ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt ?? null,
    version: row.version,
  };
}

/** A `cases` row read with {@link queryBound}: raw column names, `fields` as text on SQLite. */
interface CaseColumns {
  id: string;
  number: string;
  title: string;
  status: string;
  channel: string;
  fields: unknown;
  conversation_id: string | null;
  contact_email: string | null;
  parent_case_id: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  version: number | string;
}

const CASE_COLUMNS = 'id, number, title, status, channel, fields, conversation_id, contact_email, parent_case_id, created_at, updated_at, resolved_at, version';

function fromColumns(row: CaseColumns): Case {
  return toCase({
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    channel: row.channel,
    fields: jsonColumn(row.fields),
    conversationId: row.conversation_id,
    contactEmail: row.contact_email,
    parentCaseId: row.parent_case_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    version: Number(row.version),
  });
}

export class MikroCaseRepository implements CaseRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly numberPrefix: () => Promise<string> = async () => 'CAS',
  ) {}

  async create(draft: NewCase): Promise<Case> {
    // Read before the transaction: on SQLite a read through another EntityManager would wait for it (inside a unit of work it joins it).
    const prefix = await this.numberPrefix();
    const now = this.clock.now().toISOString();
    const draftCase = (sequence: number): Case => ({
      id: randomUUID(),
      number: formatCaseNumber(sequence, prefix),
      title: draft.title,
      status: draft.status,
      channel: draft.channel,
      fields: draft.fields,
      conversationId: draft.conversationId ?? null,
      contactEmail: draft.contactEmail ?? null,
      parentCaseId: draft.parentCaseId ?? null,
      createdAt: now,
      updatedAt: now,
      resolvedAt: draft.resolvedAt ?? null,
      version: 1,
    });
    try {
      // The case number and the row in one transaction (or the caller's unit of work): a refused insert does not use up a number.
      return await inTransaction(this.orm, async (em) => {
        const sequence = await reserveCounterValues(em, 'case-number');
        const created = draftCase(sequence);
        await this.insert(em, created, sequence, draft.originKey ?? null);
        return created;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && (draft.conversationId || draft.originKey)) {
        const what = draft.conversationId ? `conversation ${draft.conversationId}` : `the event ${draft.originKey}`;
        throw new ConflictError(`${what} already has a case`, { conversationId: draft.conversationId ?? null, originKey: draft.originKey ?? null });
      }
      throw error;
    }
  }

  /** Bound values (every email and chat creates cases): the statement is prepared once, not per case. */
  private async insert(em: EntityManager, created: Case, sequence: number, originKey: string | null): Promise<void> {
    const now = created.createdAt;
    await runBound(
      em,
      'insert into cases (id, number, sequence, title, status, channel, fields, conversation_id, origin_key, contact_email, parent_case_id, search_text, created_at, updated_at, resolved_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        created.id,
        created.number,
        sequence,
        created.title,
        created.status,
        created.channel,
        JSON.stringify(created.fields),
        created.conversationId ?? null,
        originKey,
        created.contactEmail ?? null,
        created.parentCaseId ?? null,
        caseSearchText(created),
        now,
        now,
        created.resolvedAt ?? null,
        1,
      ],
    );
  }

  /** Bound values: read for every event, prediction and view of a case. */
  async get(id: string): Promise<Case | null> {
    const [row] = await queryBound<CaseColumns>(scopedEm(this.orm), `select ${CASE_COLUMNS} from cases where id = ?`, [id]);
    return row ? fromColumns(row) : null;
  }

  async findByOriginKey(originKey: string): Promise<Case | null> {
    const [row] = await queryBound<CaseColumns>(scopedEm(this.orm), `select ${CASE_COLUMNS} from cases where origin_key = ?`, [originKey]);
    return row ? fromColumns(row) : null;
  }

  async getByNumber(number: string): Promise<Case | null> {
    const row = await this.orm.em.fork().findOne(CaseEntity, { number: number.toUpperCase() });
    return row ? toCase(row) : null;
  }

  async findByConversationId(conversationId: string): Promise<Case | null> {
    const rows = await scopedEm(this.orm).find(CaseEntity, { conversationId }, { orderBy: { createdAt: 'desc' }, limit: 1 });
    return rows[0] ? toCase(rows[0]) : null;
  }

  async save(caseRecord: Case): Promise<Case> {
    const em = scopedEm(this.orm);
    const saved: Case = { ...caseRecord, version: caseRecord.version + 1, updatedAt: this.clock.now().toISOString() };
    const updated = await em.nativeUpdate(
      CaseEntity,
      { id: caseRecord.id, version: caseRecord.version },
      {
        title: saved.title,
        status: saved.status,
        channel: saved.channel,
        fields: saved.fields,
        conversationId: saved.conversationId ?? null,
        contactEmail: saved.contactEmail ?? null,
        parentCaseId: saved.parentCaseId ?? null,
        searchText: caseSearchText(saved),
        updatedAt: saved.updatedAt,
        resolvedAt: saved.resolvedAt ?? null,
        version: saved.version,
      },
    );
    if (updated === 0) {
      const exists = await em.count(CaseEntity, { id: caseRecord.id });
      throw exists ? new ConcurrencyError('case', caseRecord.id) : new NotFoundError('case', caseRecord.id);
    }
    return saved;
  }

  async list(query: CaseQuery): Promise<Page<Case>> {
    const em = this.orm.em.fork();
    const pageSize = Math.min(Math.max(query.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const page = Math.max(query.page ?? 1, 1);
    const where: Record<string, unknown> = {};
    if (query.channel) where.channel = query.channel;
    if (query.status) where.status = query.status;
    const text = query.q?.trim().toLowerCase();
    if (text) Object.assign(where, containsText('search_text', text));
    const [rows, total] = await em.findAndCount(CaseEntity, where, { orderBy: { sequence: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: rows.map(toCase), total };
  }
}
