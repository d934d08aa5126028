import type { MikroORM } from '@mikro-orm/core';
import type { SpamDecision, SpamDecisionStore } from '@autocase/core';
import { queryBound } from '../../persistence/bound-statement.js';
import { SpamDecisionEntity } from './spam-decision-entity.js';

export class MikroSpamDecisionStore implements SpamDecisionStore {
  constructor(private readonly orm: MikroORM) {}

  async record(decision: SpamDecision): Promise<void> {
    await this.orm.em.fork().insert(SpamDecisionEntity, { ...decision });
  }

  async list(query: { limit: number }): Promise<SpamDecision[]> {
    const rows = await this.orm.em.fork().find(SpamDecisionEntity, {}, { orderBy: { decidedAt: 'desc', id: 'desc' }, limit: query.limit });
    return rows.map((row) => ({ id: row.id, emailId: row.emailId, mailbox: row.mailbox, verdict: row.verdict as SpamDecision['verdict'], decidedBy: row.decidedBy, decidedAt: row.decidedAt }));
  }

  async version(): Promise<string> {
    const [row] = await queryBound<{ count: number | string; latest: string | null }>(this.orm.em.fork(), 'select count(*) as count, max(decided_at) as latest from spam_decisions', []);
    return `${Number(row?.count ?? 0)}:${row?.latest ?? ''}`;
  }
}
