import type { AuditEntry } from '../domain/audit.js';
import type { AuditQuery, AuditRepository, Page } from '../ports/repositories.js';
import { pageOf } from './in-memory-case-repository.js';

/** An AuditRepository in memory (append-only). */
export class InMemoryAuditRepository implements AuditRepository {
  private readonly entries: AuditEntry[] = [];

  async append(entries: AuditEntry[]): Promise<void> {
    this.entries.push(...structuredClone(entries));
  }

  /** Oldest first. */
  async listForCase(caseId: string): Promise<AuditEntry[]> {
    return structuredClone(this.entries.filter((entry) => entry.caseId === caseId));
  }

  /** Newest first. */
  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const matching = this.entries
      .map((entry, index) => ({ entry, index }))
      .filter(
        ({ entry }) =>
          (query.caseId === undefined || entry.caseId === query.caseId) &&
          (query.source === undefined || entry.source === query.source) &&
          (query.field === undefined || entry.field === query.field) &&
          (query.since === undefined || entry.at >= query.since),
      )
      .sort((left, right) => right.entry.at.localeCompare(left.entry.at) || right.index - left.index)
      .map(({ entry }) => entry);
    const page = pageOf(matching, query.page, query.pageSize);
    return { items: structuredClone(page.items), total: page.total };
  }
}
