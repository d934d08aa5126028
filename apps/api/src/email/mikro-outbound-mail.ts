import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { OutboundMailLog, OutboundMailRecord, SenderActivityEvent, SenderActivityStore } from '@autocase/core';
import { jsonColumn, placeholderList, queryBound, runBound } from '../persistence/bound-statement.js';
import { OutboundMailEntity, SenderActivityEntity } from './email-entities.js';

export class MikroOutboundMailLog implements OutboundMailLog {
  constructor(private readonly orm: MikroORM) {}

  async record(entry: OutboundMailRecord): Promise<void> {
    const em = this.orm.em.fork();
    const data = entry as unknown as Record<string, unknown>;
    const updated = await em.nativeUpdate(OutboundMailEntity, { messageId: entry.messageId }, { caseId: entry.caseId, sentAt: entry.sentAt, data });
    if (updated === 0) await em.insert(OutboundMailEntity, { messageId: entry.messageId, caseId: entry.caseId, sentAt: entry.sentAt, data });
  }

  /** What was sent on a case (agent replies and acknowledgements), oldest first. */
  async listForCase(caseId: string): Promise<OutboundMailRecord[]> {
    const rows = await this.orm.em.fork().find(OutboundMailEntity, { caseId }, { orderBy: { sentAt: 'asc', messageId: 'asc' }, limit: 500 });
    return rows.map((row) => jsonColumn<OutboundMailRecord>(row.data));
  }

  async findByMessageIds(messageIds: string[]): Promise<OutboundMailRecord[]> {
    const unique = [...new Set(messageIds)];
    if (unique.length === 0) return [];
    const rows = await queryBound<{ data: unknown }>(this.orm.em.fork(), `select data from outbound_mail where message_id in (${placeholderList(unique.length)})`, unique);
    return rows.map((row) => jsonColumn<OutboundMailRecord>(row.data));
  }
}

/** Activity older than this is no longer looked at (limits are per hour); it is pruned as new activity comes in. */
const ACTIVITY_RETENTION_MS = 48 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

export class MikroSenderActivityStore implements SenderActivityStore {
  private recorded = 0;

  constructor(private readonly orm: MikroORM) {}

  async record(event: SenderActivityEvent): Promise<void> {
    await runBound(this.orm.em.fork(), 'insert into sender_activity (id, sender, kind, subject_key, at) values (?, ?, ?, ?, ?)', [
      randomUUID(),
      event.sender.toLowerCase(),
      event.kind,
      event.subjectKey.slice(0, 500),
      event.at,
    ]);
    this.recorded += 1;
    if (this.recorded % PRUNE_EVERY === 1) await this.prune(new Date(Date.parse(event.at) - ACTIVITY_RETENTION_MS).toISOString());
  }

  /** Deletes activity older than `before`. */
  async prune(before: string): Promise<number> {
    return this.orm.em.fork().nativeDelete(SenderActivityEntity, { at: { $lt: before } });
  }

  async count(query: { sender: string; kind: SenderActivityEvent['kind']; subjectKey?: string; since: string }): Promise<number> {
    // Every inbound email asks (rate limit and loop guard): bound values.
    const subject = query.subjectKey !== undefined;
    const [row] = await queryBound<{ count: number | string }>(
      this.orm.em.fork(),
      `select count(*) as count from sender_activity where sender = ? and kind = ? and at >= ?${subject ? ' and subject_key = ?' : ''}`,
      [query.sender.toLowerCase(), query.kind, query.since, ...(subject ? [query.subjectKey!.slice(0, 500)] : [])],
    );
    return Number(row?.count ?? 0);
  }
}
