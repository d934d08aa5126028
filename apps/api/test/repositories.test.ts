import { runRepositoryContracts } from '@autocase/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthTokenEntity } from '../src/persistence/entities/index.js';
import { caseSearchText } from '../src/persistence/repositories/mikro-case-repository.js';
import { describeEachDatabase } from './support/database-targets.js';
import { createRepositories, sharedDatabase, type MikroRepositorySet } from './support/test-repositories.js';

describeEachDatabase('MikroORM repositories', (databaseId) => {
  const database = sharedDatabase(databaseId);
  afterAll(() => database.close());

  // core's contract suites: the same behaviour the in-memory fakes have.
  runRepositoryContracts(`mikro-orm ${databaseId}`, async () => createRepositories(await database.open()), { includePredictionLog: true });

  describe('beyond the contract', () => {
    let repositories: MikroRepositorySet;
    beforeAll(async () => {
      repositories = createRepositories(await database.open());
    });

    it('hands out unique case numbers to concurrent creators', async () => {
      const created = await Promise.all(Array.from({ length: 20 }, (_, index) => repositories.cases.create({ title: `concurrent ${index}`, status: 'new', channel: 'manual', fields: {} })));
      expect(new Set(created.map((caseRecord) => caseRecord.number)).size).toBe(20);
    });

    it('lets exactly one of two concurrent saves of the same version win', async () => {
      const created = await repositories.cases.create({ title: 'race', status: 'new', channel: 'manual', fields: {} });
      const results = await Promise.allSettled([repositories.cases.save({ ...created, title: 'one' }), repositories.cases.save({ ...created, title: 'two' })]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);
    });

    it('creates a summary note once even when two writers race on the dedupe key', async () => {
      const caseRecord = await repositories.cases.create({ title: 'notes race', status: 'new', channel: 'chat', fields: {} });
      const dedupeKey = `summary:${caseRecord.id}`;
      const results = await Promise.all([1, 2, 3].map((index) => repositories.notes.add({ caseId: caseRecord.id, kind: 'summary', body: `summary ${index}`, dedupeKey })));
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.note.id)).size).toBe(1);
      expect(await repositories.notes.listForCase(caseRecord.id)).toHaveLength(1);
    });

    it('stores users with unique emails and finds them by bearer token hash until expiry', async () => {
      const user = await repositories.users.create({ email: 'Mixed.Case@Example.com', role: 'agent', passwordHash: 'scrypt$x' });
      expect(user.email).toBe('mixed.case@example.com');
      await expect(repositories.users.create({ email: 'mixed.case@example.com', role: 'admin', passwordHash: 'scrypt$y' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await repositories.users.saveToken({ tokenHash: 'a'.repeat(64), userId: user.id, expiresAt: '2099-01-01T00:00:00.000Z' });
      expect(await repositories.users.findUserByToken('a'.repeat(64), '2026-01-01T00:00:00.000Z')).toMatchObject({ id: user.id });
      expect(await repositories.users.findUserByToken('a'.repeat(64), '2100-01-01T00:00:00.000Z')).toBeNull();
      await repositories.users.saveToken({ tokenHash: 'b'.repeat(64), userId: user.id, expiresAt: '2000-01-01T00:00:00.000Z' });
      await repositories.users.saveToken({ tokenHash: 'c'.repeat(64), userId: user.id, expiresAt: '2099-01-01T00:00:00.000Z' });
      expect(await repositories.orm.em.fork().count(AuthTokenEntity, { userId: user.id })).toBe(2);
      await repositories.users.deleteTokensOfUser(user.id);
      expect(await repositories.users.findUserByToken('a'.repeat(64), '2026-01-01T00:00:00.000Z')).toBeNull();
    });
  });
});

describe('caseSearchText', () => {
  it('covers number, title, contact and field values in lower case', () => {
    const text = caseSearchText({ number: 'CAS-00001', title: 'Broken Zipper', contactEmail: 'Jane@Example.com', fields: { orderId: { value: 'ORD-9', source: 'ai', updatedAt: '' }, vip: { value: true, source: 'rule', updatedAt: '' } } });
    expect(text).toContain('cas-00001');
    expect(text).toContain('broken zipper');
    expect(text).toContain('jane@example.com');
    expect(text).toContain('ord-9');
    expect(text).toContain('true');
  });
});
