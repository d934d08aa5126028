import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { createLogger } from '../src/infrastructure/app-logger.js';
import { PluginConfigurationError } from '../src/plugins/plugin-loader.js';
import { createTestDatabase, type TestDatabase } from './support/database-targets.js';
import { startTestApp } from './support/test-app.js';

const logger = createLogger('silent');

describe('booting the API', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.destroy()));
  });

  it('stops with a message naming the bad environment variable', async () => {
    await expect(createApp({ env: { DATABASE_URL: 'mysql://db/autocase' }, logger })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(createApp({ env: { DATABASE_URL: 'mysql://db/autocase' }, logger })).rejects.toThrow(/DATABASE_URL.*use sqlite:<path to file> or postgres:/);
  });

  it('stops with a message naming the plugin whose configuration is invalid', async () => {
    const database = await createTestDatabase('sqlite');
    databases.push(database);
    const config = { ...loadConfig({ AUTOCASE_PLUGINS: JSON.stringify([{ kind: 'predictor', package: '@autocase/predictors/regex', config: { fields: 'not-a-list' } }]) }), database: database.config };
    const boot = createApp({ config, port: 0, logger });
    await expect(boot).rejects.toBeInstanceOf(PluginConfigurationError);
    await expect(createApp({ config, port: 0, logger })).rejects.toThrow(/predictor "regex" \(package "@autocase\/predictors\/regex"\) has invalid config: config\./);
  });

  it('creates a default admin with a one-time password on the first start only, and seeds the demo fields', async () => {
    const database = await createTestDatabase('sqlite');
    databases.push(database);
    const config = { ...loadConfig({ AUTOCASE_PLUGINS: '[]' }), database: database.config };
    const first = await createApp({ config, port: 0, logger });
    try {
      expect(first.generatedAdminPassword).toEqual(expect.any(String));
      const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@autocase.local', password: first.generatedAdminPassword }) });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const fields = (await (await fetch(`${first.url}/api/admin/fields`, { headers: { authorization: `Bearer ${token}` } })).json()) as { key: string }[];
      expect(fields.map((field) => field.key)).toContain('category');
    } finally {
      await first.close();
    }
    const second = await createApp({ config, port: 0, logger });
    await second.close();
    expect(second.generatedAdminPassword).toBeUndefined();
  });

  it('resets the bootstrap admin password from the environment on restart', async () => {
    const database = await createTestDatabase('sqlite');
    databases.push(database);
    const base = { AUTOCASE_PLUGINS: '[]', AUTOCASE_ADMIN_EMAIL: 'boss@example.com' };
    const first = await createApp({ config: { ...loadConfig({ ...base, AUTOCASE_ADMIN_PASSWORD: 'first-password' }), database: database.config }, port: 0, logger });
    await first.close();
    const second = await createApp({ config: { ...loadConfig({ ...base, AUTOCASE_ADMIN_PASSWORD: 'second-password' }), database: database.config }, port: 0, logger });
    try {
      const login = (password: string) => fetch(`${second.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'boss@example.com', password }) });
      expect((await login('first-password')).status).toBe(401);
      expect((await login('second-password')).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('rate-limits the public login endpoint with 429', async () => {
    const app = await startTestApp('sqlite', { RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const attempts = [];
      for (let index = 0; index < 5; index += 1) attempts.push((await app.api('/auth/login', { method: 'POST', json: { email: 'x@example.com', password: 'wrong' } })).status);
      expect(attempts).toEqual([401, 401, 401, 429, 429]);
      // Signed-in endpoints are not limited by the public limit.
      const health = await Promise.all(Array.from({ length: 6 }, () => app.api('/health')));
      expect(health.every((response) => response.status === 200)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
