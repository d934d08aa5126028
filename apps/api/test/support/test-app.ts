import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/app-config.js';
import { createApp, type CreateAppOptions, type RunningApp } from '../../src/create-app.js';
import { createLogger } from '../../src/infrastructure/app-logger.js';
import { createTestDatabase, type TestDatabase } from './database-targets.js';

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };

export interface TestApp {
  running: RunningApp;
  database: TestDatabase;
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the real app on a random port against a fresh database of the given kind. */
export async function startTestApp(databaseId: TestDatabase['id'], env: Record<string, string> = {}, options: Pick<CreateAppOptions, 'clock'> = {}): Promise<TestApp> {
  const database = await createTestDatabase(databaseId);
  const config = { ...loadConfig({ AUTOCASE_ADMIN_EMAIL: ADMIN.email, AUTOCASE_ADMIN_PASSWORD: ADMIN.password, AUTOCASE_PLUGINS: '[]', RATE_LIMIT_PER_MINUTE: '1000', REDIS_QUEUE_PREFIX: `autocase-test-${randomBytes(4).toString('hex')}`, ...env }), database: database.config };
  let running: RunningApp;
  try {
    running = await createApp({ config, port: 0, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), ...options });
  } catch (error) {
    await database.destroy();
    throw error;
  }
  const api: TestApp['api'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${running.url}/api${path}`, { ...init, headers, body });
  };
  return {
    running,
    database,
    api,
    async login(email = ADMIN.email, password = ADMIN.password) {
      const response = await api('/auth/login', { method: 'POST', json: { email, password } });
      if (response.status !== 200) throw new Error(`login as ${email} failed with ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      await running.close();
      await database.destroy();
    },
  };
}
