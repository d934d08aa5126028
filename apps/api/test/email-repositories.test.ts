import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { systemClock } from '@autocase/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import '../src/email/email.module.js';
import { MikroArcRuleRepository, MikroContactRepository, MikroMailboxRepository } from '../src/email/mikro-email-configuration.js';
import { MikroEmailRepository } from '../src/email/mikro-email-repository.js';
import { MikroOutboundMailLog, MikroSenderActivityStore } from '../src/email/mikro-outbound-mail.js';
import { MailboxEntity } from '../src/email/email-entities.js';
import { SecretBox } from '../src/infrastructure/secret-box.js';
import { queryBound, runBound } from '../src/persistence/bound-statement.js';
import { openDatabase } from '../src/persistence/orm.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/database-targets.js';

const encode = (text: string) => new TextEncoder().encode(text);
const input = (raw: string) => ({ raw: encode(raw), mailbox: 'Support@Autocase.test', receivedAt: '2026-01-01T00:00:00.000Z', envelope: { mailFrom: '', rcptTo: ['support@autocase.test'] } });

describeEachDatabase('email persistence', (databaseId) => {
  let database: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase(databaseId);
    orm = await openDatabase(database.config);
  });
  afterAll(async () => {
    await orm?.close();
    await database?.destroy();
  });

  it('has a schema exactly as the entities describe (the migration is complete)', async () => {
    expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim(), 'write a migration for this difference').toBe('');
  });

  it('matches % and _ in the search text literally, not as wildcards', async () => {
    const emails = new MikroEmailRepository(orm);
    const percent = await emails.storeRaw(input('Message-ID: <pct@x>\r\nSubject: 100% refund\r\n\r\nbody\r\n'));
    await emails.save({ ...percent.email, subject: '100% refund' });
    const lookalike = await emails.storeRaw(input('Message-ID: <pct2@x>\r\nSubject: 1000 refunds_due\r\n\r\nbody\r\n'));
    await emails.save({ ...lookalike.email, subject: '1000 refunds_due' });
    expect((await emails.list({ q: '100%' })).items.map((email) => email.id)).toEqual([percent.email.id]);
    expect((await emails.list({ q: 's_due' })).items.map((email) => email.id)).toEqual([lookalike.email.id]);
    expect((await emails.list({ q: '0_r' })).total).toBe(0);
  });

  it('stores raw bytes verbatim and idempotently, finds by Message-ID, lists with filters', async () => {
    const emails = new MikroEmailRepository(orm);
    const raw = 'Message-ID: <a@x>\r\nSubject: Café\r\n\r\n\u00e9\u0000binary\r\n';
    const first = await emails.storeRaw(input(raw));
    expect(first).toMatchObject({ duplicate: false, email: { mailbox: 'support@autocase.test', status: 'received', messageId: 'a@x', envelope: { mailFrom: '' } } });
    expect(Buffer.from((await emails.getRaw(first.email.id))!).equals(Buffer.from(encode(raw)))).toBe(true);
    expect(await emails.storeRaw(input(raw))).toEqual({ email: first.email, duplicate: true });
    const redelivery = await emails.storeRaw(input(`Received: by relay\r\n${raw}`));
    expect(redelivery).toMatchObject({ duplicate: true, email: { duplicateOf: first.email.id, outcome: 'skipped' } });
    const reused = await emails.storeRaw(input('Message-ID: <a@x>\r\nSubject: Other\r\n\r\nother\r\n'));
    expect(reused.duplicate).toBe(false);
    expect((await emails.findByMessageIds(['a@x', 'missing@x'])).map((email) => email.id).sort()).toEqual([first.email.id, redelivery.email.id, reused.email.id].sort());
    await emails.save({ ...first.email, status: 'processed', outcome: 'linked', caseId: 'case-1', subject: 'Café' });
    expect(await emails.list({ outcome: 'linked', q: 'CAF' })).toMatchObject({ total: 1, items: [{ id: first.email.id, caseId: 'case-1' }] });
    expect((await emails.list({ pageSize: 2 })).items.map((email) => email.id)).toEqual([reused.email.id, redelivery.email.id]);
  });

  it('lets one worker of two (two connections, as two processes) claim an email, until its claim is released or expires', async () => {
    const second = await openDatabase(database.config);
    try {
      const workerA = new MikroEmailRepository(orm);
      const workerB = new MikroEmailRepository(second);
      const { email } = await workerA.storeRaw(input('Message-ID: <claim@x>\r\nSubject: Claim\r\n\r\nclaim me\r\n'));
      const claim = (by: string, now: string, until: string) => ({ by, now, until });
      for (let round = 0; round < 5; round += 1) {
        const at = `2026-01-01T0${round}:00:00.000Z`;
        const lease = `2026-01-01T0${round}:10:00.000Z`;
        const results = await Promise.all([workerA.claimForProcessing(email.id, claim(`a-${round}`, at, lease)), workerB.claimForProcessing(email.id, claim(`b-${round}`, at, lease))]);
        expect(results.filter((result) => result !== null)).toHaveLength(1);
        expect(results.find((result) => result !== null)).toMatchObject({ id: email.id, status: 'received' });
        // The claim outlives a save of the record; the lease lapses an hour later, at the next round.
        await workerA.save({ ...email, subject: `round ${round}` });
        expect(await workerB.claimForProcessing(email.id, claim('late', `2026-01-01T0${round}:09:59.999Z`, lease))).toBeNull();
      }
      await workerA.releaseClaim(email.id, 'someone-else');
      expect(await workerB.claimForProcessing(email.id, claim('c', '2026-01-01T04:05:00.000Z', '2026-01-01T04:20:00.000Z'))).toBeNull();
      expect(await workerA.claimForProcessing(email.id, claim('probe', '2026-01-01T04:05:00.000Z', '2026-01-01T04:20:00.000Z'))).toBeNull();
      for (const by of ['a-4', 'b-4']) await workerA.releaseClaim(email.id, by);
      expect(await workerB.claimForProcessing(email.id, claim('after-release', '2026-01-01T04:05:00.000Z', '2026-01-01T04:20:00.000Z'))).toMatchObject({ id: email.id, subject: 'round 4' });
    } finally {
      await second.close();
    }
  });

  it('binds values in hand-written SQL and reports a duplicate key as MikroORM does', async () => {
    const em = orm.em.fork();
    expect(await runBound(em, 'insert into contacts (id, email, data) values (?, ?, ?)', ['bound-1', "o'brien@example.com", JSON.stringify({ id: 'bound-1' })])).toBe(1);
    expect(await queryBound<{ data: unknown }>(em, 'select data from contacts where email = ?', ["o'brien@example.com"])).toMatchObject([{ data: expect.anything() }]);
    await expect(runBound(em, 'insert into contacts (id, email, data) values (?, ?, ?)', ['bound-2', "o'brien@example.com", '{}'])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    await runBound(em, 'delete from contacts where id = ?', ['bound-1']);
  });

  it('keeps contacts, mailboxes, ARC rules, the outbound log and sender activity', async () => {
    const contacts = new MikroContactRepository(orm, systemClock);
    const created = await contacts.create({ email: 'Jane@Customer.example', name: 'Jane', source: 'email' });
    expect(await contacts.create({ email: 'jane@customer.example', source: 'email' })).toEqual(created);
    expect(await contacts.findByEmail('JANE@customer.example')).toEqual(created);

    const mailboxes = new MikroMailboxRepository(orm, systemClock, SecretBox.ephemeral());
    const mailbox = await mailboxes.save({ address: 'Help@Autocase.test', acknowledgement: { subject: 's', body: 'b' }, enabled: true });
    await mailboxes.save({ ...mailbox, displayName: 'Help desk' });
    expect(await mailboxes.getByAddress('help@autocase.test')).toMatchObject({ id: mailbox.id, displayName: 'Help desk' });

    // Passwords and the webhook secret are encrypted in the database and read back in clear.
    const box = new SecretBox('a test key of sufficient length');
    const secured = new MikroMailboxRepository(orm, systemClock, box);
    const withSecrets = await secured.save({
      address: 'secure@autocase.test', webhookSecret: 'webhook-secret-0123456789', acknowledgement: { subject: 's', body: 'b' }, enabled: true,
      imap: { host: 'imap.example.com', port: 993, secure: true, user: 'u', password: 'imap-password-1', folder: 'INBOX', afterAccept: 'mark-seen', pollIntervalSeconds: 60 },
    });
    const row = await orm.em.fork().findOneOrFail(MailboxEntity, { id: withSecrets.id });
    const stored = JSON.stringify(row.data);
    expect(stored).not.toContain('imap-password-1');
    expect(stored).not.toContain('webhook-secret-0123456789');
    expect((row.data as { imap: { password: string } }).imap.password).toMatch(/^enc:v1:/);
    expect(await secured.getByAddress('secure@autocase.test')).toMatchObject({ webhookSecret: 'webhook-secret-0123456789', imap: { password: 'imap-password-1', user: 'u' } });
    // Read with another key, the secrets are left out (and reported), not handed out garbled; the rest is intact.
    const warnings: string[] = [];
    const otherKey = new MikroMailboxRepository(orm, systemClock, new SecretBox('another key of sufficient length', (message) => warnings.push(message)));
    const unreadable = (await otherKey.list()).find((candidate) => candidate.id === withSecrets.id)!;
    expect(unreadable.webhookSecret).toBeUndefined();
    expect(unreadable.imap).toMatchObject({ host: 'imap.example.com', user: 'u' });
    expect(unreadable.imap?.password).toBeUndefined();
    expect(warnings[0]).toMatch(/a secret of mailbox secure@autocase.test \(webhookSecret\) cannot be decrypted: it was encrypted with another key/);

    const rules = new MikroArcRuleRepository(orm, systemClock);
    const disabled = await rules.save({ mailbox: 'help@autocase.test', name: 'Old', enabled: false, items: [], resolvedCase: { windowHours: 1, reopen: false }, updateCaseOnFollowUp: true });
    const active = await rules.save({ mailbox: 'help@autocase.test', name: 'Current', enabled: true, items: [], resolvedCase: { windowHours: 1, reopen: false }, updateCaseOnFollowUp: true });
    expect((await rules.findForMailbox('HELP@autocase.test'))?.id).toBe(active.id);
    expect(await rules.delete(disabled.id)).toBe(true);
    expect((await rules.list()).map((rule) => rule.id)).toEqual([active.id]);

    const outbound = new MikroOutboundMailLog(orm);
    await outbound.record({ messageId: 'ack-1@autocase.test', caseId: 'case-1', kind: 'acknowledgement', to: ['jane@customer.example'], subject: 'ack', sentAt: '2026-01-01T00:00:00.000Z' });
    expect(await outbound.findByMessageIds(['ack-1@autocase.test', 'other'])).toEqual([{ messageId: 'ack-1@autocase.test', caseId: 'case-1', kind: 'acknowledgement', to: ['jane@customer.example'], subject: 'ack', sentAt: '2026-01-01T00:00:00.000Z' }]);

    const activity = new MikroSenderActivityStore(orm);
    await activity.record({ sender: 'Jane@customer.example', kind: 'inbound', subjectKey: 'help', at: '2026-01-01T10:00:00.000Z' });
    await activity.record({ sender: 'jane@customer.example', kind: 'inbound', subjectKey: 'help', at: '2026-01-01T08:00:00.000Z' });
    expect(await activity.count({ sender: 'jane@customer.example', kind: 'inbound', subjectKey: 'help', since: '2026-01-01T09:00:00.000Z' })).toBe(1);
    expect(await activity.count({ sender: 'jane@customer.example', kind: 'acknowledgement', since: '2026-01-01T00:00:00.000Z' })).toBe(0);
    expect(await activity.prune('2026-01-01T09:00:00.000Z')).toBe(1);
    expect(await activity.count({ sender: 'jane@customer.example', kind: 'inbound', since: '2000-01-01T00:00:00.000Z' })).toBe(1);
  });
});
