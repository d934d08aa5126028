import { formatCaseNumber, type Case, type NewCase } from '../domain/case.js';
import { ConcurrencyError, ConflictError, NotFoundError } from '../domain/errors.js';
import type { CaseQuery, CaseRepository, Page } from '../ports/repositories.js';
import type { Clock, IdGenerator } from '../ports/services.js';
import { systemClock } from '../ports/services.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

export interface InMemoryRepositoryOptions {
  clock?: Clock;
  ids?: IdGenerator;
}

const DEFAULT_PAGE_SIZE = 20;

/** Case search text: number, title and field values, lowercased. */
function searchText(caseRecord: Case): string {
  const values = Object.values(caseRecord.fields).map((state) => (state.value === null ? '' : String(state.value)));
  return [caseRecord.number, caseRecord.title, ...values].join('\n').toLowerCase();
}

export function pageOf<T>(items: T[], page = 1, pageSize = DEFAULT_PAGE_SIZE): Page<T> {
  const safePage = Math.max(1, Math.floor(page));
  const safeSize = Math.max(1, Math.floor(pageSize));
  const start = (safePage - 1) * safeSize;
  return { items: items.slice(start, start + safeSize), total: items.length };
}

/** A CaseRepository in memory; records are copied in and out like a database would. */
export class InMemoryCaseRepository implements CaseRepository {
  private readonly records = new Map<string, Case>();
  private readonly byOriginKey = new Map<string, string>();
  private sequence = 0;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly numberPrefix: string;

  constructor(options: InMemoryRepositoryOptions & { numberPrefix?: string } = {}) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? new SequentialIdGenerator('case');
    this.numberPrefix = options.numberPrefix ?? 'CAS';
  }

  async create(draft: NewCase): Promise<Case> {
    const { originKey, ...fields } = draft;
    if (draft.conversationId) {
      const existing = await this.findByConversationId(draft.conversationId);
      if (existing) throw new ConflictError(`conversation ${draft.conversationId} already has case ${existing.number}`, { caseId: existing.id });
    }
    if (originKey && this.byOriginKey.has(originKey)) throw new ConflictError(`the event ${originKey} already created a case`, { caseId: this.byOriginKey.get(originKey) });
    this.sequence += 1;
    const now = this.clock.now().toISOString();
    const record: Case = { ...structuredClone(fields), id: this.ids.next(), number: formatCaseNumber(this.sequence, this.numberPrefix), createdAt: now, updatedAt: now, version: 1 };
    this.records.set(record.id, record);
    if (originKey) this.byOriginKey.set(originKey, record.id);
    return structuredClone(record);
  }

  async get(id: string): Promise<Case | null> {
    const record = this.records.get(id);
    return record ? structuredClone(record) : null;
  }

  async findByOriginKey(originKey: string): Promise<Case | null> {
    const id = this.byOriginKey.get(originKey);
    return id ? this.get(id) : null;
  }

  async getByNumber(number: string): Promise<Case | null> {
    const record = [...this.records.values()].find((candidate) => candidate.number === number);
    return record ? structuredClone(record) : null;
  }

  async findByConversationId(conversationId: string): Promise<Case | null> {
    const record = [...this.records.values()].find((candidate) => candidate.conversationId === conversationId);
    return record ? structuredClone(record) : null;
  }

  async save(caseRecord: Case): Promise<Case> {
    const stored = this.records.get(caseRecord.id);
    if (!stored) throw new NotFoundError('case', caseRecord.id);
    if (stored.version !== caseRecord.version) throw new ConcurrencyError('case', stored.number);
    const saved: Case = { ...structuredClone(caseRecord), id: stored.id, number: stored.number, createdAt: stored.createdAt, version: stored.version + 1 };
    this.records.set(saved.id, saved);
    return structuredClone(saved);
  }

  async list(query: CaseQuery): Promise<Page<Case>> {
    const needle = query.q?.trim().toLowerCase();
    const matching = [...this.records.values()]
      .filter((record) => (query.channel === undefined || record.channel === query.channel) && (query.status === undefined || record.status === query.status))
      .filter((record) => !needle || searchText(record).includes(needle))
      .sort((left, right) => right.createdAt.localeCompare(left.createdAt) || right.number.localeCompare(left.number));
    const page = pageOf(matching, query.page, query.pageSize);
    return { items: page.items.map((record) => structuredClone(record)), total: page.total };
  }
}
