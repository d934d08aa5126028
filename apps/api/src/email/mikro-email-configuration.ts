import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { ArcRule, ArcRuleRepository, Clock, Contact, ContactRepository, Mailbox, MailboxRepository } from '@autocase/core';
import type { SecretBox } from '../infrastructure/secret-box.js';
import { jsonColumn, queryBound } from '../persistence/bound-statement.js';
import { sharedReadCache, type ReadThroughCache } from '../persistence/read-through-cache.js';
import { ArcRuleEntity, ContactEntity, MailboxEntity } from './email-entities.js';

/** How long another process's mailbox or ARC rule change can go unseen (saves in this process are seen at once). */
const EMAIL_CONFIGURATION_CACHE_MS = 1000;

export class MikroContactRepository implements ContactRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async findByEmail(email: string): Promise<Contact | null> {
    const [row] = await queryBound<{ data: unknown }>(this.orm.em.fork(), 'select data from contacts where email = ?', [email.trim().toLowerCase()]);
    return row ? jsonColumn<Contact>(row.data) : null;
  }

  async create(contact: Omit<Contact, 'id' | 'createdAt'>): Promise<Contact> {
    const existing = await this.findByEmail(contact.email);
    if (existing) return existing;
    const created: Contact = { ...contact, email: contact.email.trim().toLowerCase(), id: randomUUID(), createdAt: this.clock.now().toISOString() };
    await this.orm.em.fork().insert(ContactEntity, { id: created.id, email: created.email, data: created as unknown as Record<string, unknown> });
    return created;
  }
}

/** The secrets of a stored mailbox, encrypted at rest. */
const MAILBOX_SECRETS = ['webhookSecret', 'imap.password', 'smtp.password'] as const;

export class MikroMailboxRepository implements MailboxRepository {
  private readonly byAddress: ReadThroughCache<(Mailbox & { id: string }) | null>;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
  ) {
    this.byAddress = sharedReadCache(orm, 'mailbox-by-address', EMAIL_CONFIGURATION_CACHE_MS);
  }

  private fromRow(row: { id: string; address: string; data: unknown }): Mailbox & { id: string } {
    return { ...this.secrets.transform(row.data as Mailbox, MAILBOX_SECRETS, 'open', `a secret of mailbox ${row.address}`), id: row.id };
  }

  async list(): Promise<(Mailbox & { id: string })[]> {
    const rows = await this.orm.em.fork().find(MailboxEntity, {}, { orderBy: { createdAt: 'asc' } });
    return rows.map((row) => this.fromRow(row));
  }

  async get(id: string): Promise<(Mailbox & { id: string }) | null> {
    const row = await this.orm.em.fork().findOne(MailboxEntity, { id });
    return row ? this.fromRow(row) : null;
  }

  /** Cached: every inbound email reads its mailbox. */
  getByAddress(address: string): Promise<(Mailbox & { id: string }) | null> {
    const normalized = address.trim().toLowerCase();
    return this.byAddress.get(normalized, async () => {
      const row = await this.orm.em.fork().findOne(MailboxEntity, { address: normalized });
      return row ? this.fromRow(row) : null;
    });
  }

  async save(mailbox: Mailbox): Promise<Mailbox & { id: string }> {
    const em = this.orm.em.fork();
    const saved = { ...mailbox, address: mailbox.address.trim().toLowerCase(), id: mailbox.id ?? randomUUID() };
    const data = this.secrets.transform(saved, MAILBOX_SECRETS, 'seal') as unknown as Record<string, unknown>;
    try {
      const updated = mailbox.id ? await em.nativeUpdate(MailboxEntity, { id: mailbox.id }, { address: saved.address, data }) : 0;
      if (updated === 0) await em.insert(MailboxEntity, { id: saved.id, address: saved.address, createdAt: this.clock.now().toISOString(), data });
    } finally {
      this.byAddress.invalidate();
    }
    return saved;
  }

  async delete(id: string): Promise<boolean> {
    try {
      return (await this.orm.em.fork().nativeDelete(MailboxEntity, { id })) > 0;
    } finally {
      this.byAddress.invalidate();
    }
  }
}

export class MikroArcRuleRepository implements ArcRuleRepository {
  private readonly byMailbox: ReadThroughCache<ArcRule | null>;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {
    this.byMailbox = sharedReadCache(orm, 'arc-rule-by-mailbox', EMAIL_CONFIGURATION_CACHE_MS);
  }

  private toRule(row: { id: string; data: Record<string, unknown> }): ArcRule {
    return { ...(row.data as unknown as ArcRule), id: row.id };
  }

  async list(): Promise<ArcRule[]> {
    const rows = await this.orm.em.fork().find(ArcRuleEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return rows.map((row) => this.toRule(row));
  }

  async get(id: string): Promise<ArcRule | null> {
    const row = await this.orm.em.fork().findOne(ArcRuleEntity, { id });
    return row ? this.toRule(row) : null;
  }

  /** Cached: every inbound email reads its mailbox's rule. */
  findForMailbox(mailbox: string): Promise<ArcRule | null> {
    const normalized = mailbox.trim().toLowerCase();
    return this.byMailbox.get(normalized, async () => {
      const rows = await this.orm.em.fork().find(ArcRuleEntity, { mailbox: normalized, enabled: true }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1 });
      return rows[0] ? this.toRule(rows[0]) : null;
    });
  }

  async save(rule: Omit<ArcRule, 'id'> & { id?: string }): Promise<ArcRule> {
    const em = this.orm.em.fork();
    const saved: ArcRule = { ...rule, mailbox: rule.mailbox.trim().toLowerCase(), id: rule.id ?? randomUUID() };
    const data = saved as unknown as Record<string, unknown>;
    try {
      const updated = rule.id ? await em.nativeUpdate(ArcRuleEntity, { id: rule.id }, { mailbox: saved.mailbox, enabled: saved.enabled, data }) : 0;
      if (updated === 0) await em.insert(ArcRuleEntity, { id: saved.id, mailbox: saved.mailbox, enabled: saved.enabled, createdAt: this.clock.now().toISOString(), data });
    } finally {
      this.byMailbox.invalidate();
    }
    return saved;
  }

  async delete(id: string): Promise<boolean> {
    try {
      return (await this.orm.em.fork().nativeDelete(ArcRuleEntity, { id })) > 0;
    } finally {
      this.byMailbox.invalidate();
    }
  }
}
