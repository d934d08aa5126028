import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { AuditEntry, AuditQuery, AuditRepository, Page } from '@autocase/core';
import { AuditEntryEntity } from '../entities/index.js';
import { reserveCounterValues } from './sql-counter.js';
import { inTransaction, scopedEm } from '../transaction-scope.js';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

export class MikroAuditRepository implements AuditRepository {
  constructor(private readonly orm: MikroORM) {}

  async append(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // The sequence numbers and the rows in one transaction (or the caller's unit of work): one commit for the whole batch.
    await inTransaction(this.orm, async (em) => {
      const last = await reserveCounterValues(em, 'audit-sequence', entries.length);
      const first = last - entries.length + 1;
      await em.insertMany(
        AuditEntryEntity,
        entries.map((entry, index) => {
          const stored = { ...entry, id: entry.id || randomUUID() };
          return { id: stored.id, sequence: first + index, caseId: entry.caseId, at: entry.at, action: entry.action, field: entry.field ?? null, source: entry.source, entry: stored as unknown as Record<string, unknown> };
        }),
      );
    });
  }

  async listForCase(caseId: string): Promise<AuditEntry[]> {
    const rows = await scopedEm(this.orm).find(AuditEntryEntity, { caseId }, { orderBy: { sequence: 'asc' } });
    return rows.map((row) => row.entry as unknown as AuditEntry);
  }

  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const where: Record<string, unknown> = {};
    if (query.caseId) where.caseId = query.caseId;
    if (query.source) where.source = query.source;
    if (query.field) where.field = query.field;
    if (query.since) where.at = { $gte: query.since };
    const pageSize = Math.min(Math.max(query.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const page = Math.max(query.page ?? 1, 1);
    const [rows, total] = await this.orm.em.fork().findAndCount(AuditEntryEntity, where, { orderBy: { at: 'desc', sequence: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: rows.map((row) => row.entry as unknown as AuditEntry), total };
  }
}
