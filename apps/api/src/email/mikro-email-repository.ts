import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { identifyRawEmail, newReceivedEmail, NotFoundError, type EmailClaim, type EmailMessage, type EmailQuery, type EmailRepository, type Page, type StoreRawEmailInput } from '@autocase/core';
import { reserveCounterValues } from '../persistence/repositories/sql-counter.js';
import { jsonColumn, placeholderList, queryBound, runBound } from '../persistence/bound-statement.js';
import { scopedEm } from '../persistence/transaction-scope.js';
import { EmailEntity } from './email-entities.js';
import { containsText } from '../persistence/contains-text.js';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;
const LOOKUP_CHUNK = 500;

function searchText(email: EmailMessage): string {
  return [email.subject, email.from?.address ?? '', email.from?.name ?? '', email.messageId ?? '', email.reason ?? ''].join('\n').toLowerCase();
}

function columns(email: EmailMessage) {
  return {
    mailbox: email.mailbox,
    receivedAt: email.receivedAt,
    messageId: email.messageId ?? null,
    status: email.status,
    outcome: email.outcome ?? null,
    caseId: email.caseId ?? null,
    searchText: searchText(email),
    data: email as unknown as Record<string, unknown>,
  };
}

const toEmail = (row: { data: Record<string, unknown> }): EmailMessage => row.data as unknown as EmailMessage;


/** The stored emails with the same bytes, or the first delivery of the same message (both columns are unique): one lookup for both. */
function findKnown(em: EntityManager, identity: { sha256: string; dedupeKey: string | null }) {
  return queryBound<{ id: string; sha256: string; dedupe_key: string | null; data: unknown }>(
    em,
    identity.dedupeKey ? 'select id, sha256, dedupe_key, data from emails where sha256 = ? or dedupe_key = ? limit 2' : 'select id, sha256, dedupe_key, data from emails where sha256 = ? limit 2',
    identity.dedupeKey ? [identity.sha256, identity.dedupeKey] : [identity.sha256],
  );
}

/** Inbound emails in SQL: the record (indexed columns + JSON) in `emails`, the bytes in `email_raw`. */
export class MikroEmailRepository implements EmailRepository {
  constructor(private readonly orm: MikroORM) {}

  async storeRaw(input: StoreRawEmailInput): Promise<{ email: EmailMessage; duplicate: boolean }> {
    const identity = identifyRawEmail(input.raw);
    const em = this.orm.em.fork();
    // Bound parameters (here and below): every inbound email runs these, and on SQLite the prepared statements are reused.
    const known = await findKnown(em, identity);
    const sameBytes = known.find((row) => row.sha256 === identity.sha256);
    if (sameBytes) return { email: toEmail({ data: jsonColumn(sameBytes.data) }), duplicate: true };
    const original = (identity.dedupeKey && known.find((row) => row.dedupe_key === identity.dedupeKey)) || null;
    const email = newReceivedEmail(randomUUID(), input, identity, original?.id ?? null);
    try {
      // One transaction (one durable commit) for the sequence number, the record and the bytes.
      await em.transactional(async (transaction) => {
        const sequence = await reserveCounterValues(transaction, 'email-sequence');
        const row = columns(email);
        await runBound(
          transaction,
          'insert into emails (id, sequence, mailbox, received_at, sha256, dedupe_key, message_id, status, outcome, case_id, search_text, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [email.id, sequence, row.mailbox, row.receivedAt, email.sha256, original ? null : identity.dedupeKey, row.messageId, row.status, row.outcome, row.caseId, row.searchText, JSON.stringify(row.data)],
        );
        // The bytes as a bound parameter: no hex copy of the message inlined into the SQL text.
        await runBound(transaction, 'insert into email_raw (id, raw) values (?, ?)', [email.id, Buffer.from(input.raw.buffer, input.raw.byteOffset, input.raw.byteLength)]);
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // Another delivery of the same bytes or message was stored meanwhile: that one is the email.
      const [winner] = await findKnown(this.orm.em.fork(), identity);
      if (!winner) throw error;
      return { email: toEmail({ data: jsonColumn(winner.data) }), duplicate: true };
    }
    return { email, duplicate: original !== null };
  }

  async get(id: string): Promise<EmailMessage | null> {
    const [row] = await queryBound<{ data: unknown }>(scopedEm(this.orm), 'select data from emails where id = ?', [id]);
    return row ? toEmail({ data: jsonColumn(row.data) }) : null;
  }

  async getRaw(id: string): Promise<Uint8Array | null> {
    const [row] = await queryBound<{ raw: Uint8Array }>(this.orm.em.fork(), 'select raw from email_raw where id = ?', [id]);
    return row ? new Uint8Array(row.raw) : null;
  }

  async save(email: EmailMessage): Promise<EmailMessage> {
    // Bound parameters: the record's JSON (with the message text) is not inlined into the SQL text.
    const row = columns(email);
    const updated = await runBound(
      scopedEm(this.orm),
      'update emails set mailbox = ?, received_at = ?, message_id = ?, status = ?, outcome = ?, case_id = ?, search_text = ?, data = ? where id = ?',
      [row.mailbox, row.receivedAt, row.messageId, row.status, row.outcome, row.caseId, row.searchText, JSON.stringify(row.data), email.id],
    );
    if (updated === 0) throw new NotFoundError('Email', email.id);
    return email;
  }

  async claimForProcessing(id: string, claim: EmailClaim): Promise<EmailMessage | null> {
    // Compare-and-set: one UPDATE, so of two workers (two processes) only one changes the row; it returns the record it claimed.
    const rows = await queryBound<{ data: unknown }>(
      this.orm.em.fork(),
      'update emails set claimed_by = ?, claimed_until = ? where id = ? and (claimed_by is null or claimed_until is null or claimed_until < ?) returning data',
      [claim.by, claim.until, id, claim.now],
    );
    const data = rows[0]?.data;
    if (data === undefined) return null;
    return jsonColumn(data) as unknown as EmailMessage;
  }

  async renewClaim(id: string, by: string, until: string): Promise<boolean> {
    return (await runBound(this.orm.em.fork(), 'update emails set claimed_until = ? where id = ? and claimed_by = ?', [until, id, by])) > 0;
  }

  /**
   * Emails still to process that no worker holds (status `received`, no live claim), oldest
   * first, after `afterSequence`: what the sweeper queues again. The database, not the queue, is
   * the record of what is left to do.
   */
  async listUnprocessed(query: { now: string; afterSequence: number; limit: number }): Promise<{ id: string; sequence: number }[]> {
    const rows = await queryBound<{ id: string; sequence: number | string }>(
      this.orm.em.fork(),
      "select id, sequence from emails where status = 'received' and sequence > ? and (claimed_until is null or claimed_until < ?) order by sequence asc limit ?",
      [query.afterSequence, query.now, query.limit],
    );
    return rows.map((row) => ({ id: row.id, sequence: Number(row.sequence) }));
  }

  async releaseClaim(id: string, by: string): Promise<void> {
    await runBound(this.orm.em.fork(), 'update emails set claimed_by = null, claimed_until = null where id = ? and claimed_by = ?', [id, by]);
  }

  async findByMessageIds(messageIds: string[]): Promise<EmailMessage[]> {
    const unique = [...new Set(messageIds)];
    const found: EmailMessage[] = [];
    const em = this.orm.em.fork();
    for (let start = 0; start < unique.length; start += LOOKUP_CHUNK) {
      const chunk = unique.slice(start, start + LOOKUP_CHUNK);
      const rows = await queryBound<{ data: unknown }>(em, `select data from emails where message_id in (${placeholderList(chunk.length)}) order by sequence asc`, chunk);
      found.push(...rows.map((row) => toEmail({ data: jsonColumn(row.data) })));
    }
    return found;
  }

  async list(query: EmailQuery): Promise<Page<EmailMessage>> {
    const pageSize = Math.min(Math.max(query.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const page = Math.max(query.page ?? 1, 1);
    const where: Record<string, unknown> = {};
    if (query.outcome) where.outcome = query.outcome;
    if (query.status) where.status = query.status;
    if (query.mailbox) where.mailbox = query.mailbox.toLowerCase();
    if (query.caseId) where.caseId = query.caseId;
    const text = query.q?.trim().toLowerCase();
    if (text) Object.assign(where, containsText('search_text', text));
    const [rows, total] = await this.orm.em.fork().findAndCount(EmailEntity, where, { orderBy: { sequence: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: rows.map(toEmail), total };
  }
}
