import { afterAll, beforeAll, expect, it } from 'vitest';
import { MikroUserRepository } from '../src/persistence/repositories/mikro-user-repository.js';
import { describeEachDatabase } from './support/database-targets.js';
import { createRepositories, sharedDatabase, type MikroRepositorySet } from './support/test-repositories.js';

const LATER = '2099-01-01T00:00:00.000Z';
const NOW = '2026-01-01T00:00:00.000Z';

describeEachDatabase('bearer token lookups (cached briefly)', (databaseId) => {
  const database = sharedDatabase(databaseId);
  let repositories: MikroRepositorySet;
  beforeAll(async () => {
    repositories = createRepositories(await database.open());
  });
  afterAll(() => database.close());

  async function userWithToken(tokenHash: string, expiresAt = LATER) {
    const user = await repositories.users.create({ email: `${tokenHash}@example.com`, role: 'agent', passwordHash: 'x' });
    await repositories.users.saveToken({ tokenHash, userId: user.id, expiresAt });
    return user;
  }

  it('sees a logout, a disable and a deletion of all tokens at once, also through another repository instance', async () => {
    const other = new MikroUserRepository(await database.open(), { now: () => new Date() });
    const user = await userWithToken(`logout-${databaseId}`);
    expect((await repositories.users.findUserByToken(`logout-${databaseId}`, NOW))?.id).toBe(user.id);
    await other.deleteToken(`logout-${databaseId}`);
    expect(await repositories.users.findUserByToken(`logout-${databaseId}`, NOW)).toBeNull();

    const disabled = await userWithToken(`disable-${databaseId}`);
    expect((await repositories.users.findUserByToken(`disable-${databaseId}`, NOW))?.disabled).toBe(false);
    await other.update(disabled.id, { disabled: true });
    expect((await repositories.users.findUserByToken(`disable-${databaseId}`, NOW))?.disabled).toBe(true);

    const revoked = await userWithToken(`revoke-${databaseId}`);
    expect(await repositories.users.findUserByToken(`revoke-${databaseId}`, NOW)).not.toBeNull();
    await other.deleteTokensOfUser(revoked.id);
    expect(await repositories.users.findUserByToken(`revoke-${databaseId}`, NOW)).toBeNull();
  });

  it('checks expiry on every call, not only when the token was first read', async () => {
    await userWithToken(`expiry-${databaseId}`, '2098-06-01T00:00:00.000Z');
    expect(await repositories.users.findUserByToken(`expiry-${databaseId}`, NOW)).not.toBeNull();
    expect(await repositories.users.findUserByToken(`expiry-${databaseId}`, '2098-06-01T00:00:00.001Z')).toBeNull();
  });

  it('finds a token saved after an earlier lookup of the same hash found nothing', async () => {
    expect(await repositories.users.findUserByToken(`late-${databaseId}`, NOW)).toBeNull();
    const user = await userWithToken(`late-${databaseId}`);
    expect((await repositories.users.findUserByToken(`late-${databaseId}`, NOW))?.id).toBe(user.id);
  });
});
