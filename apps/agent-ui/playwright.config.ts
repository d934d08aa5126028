import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E, E2E_PLUGINS } from './e2e/support/e2e-environment';

const apiDirectory = path.resolve(import.meta.dirname, '../api');
const databaseFile = path.join(os.tmpdir(), `autocase-agent-ui-e2e-${process.pid}.sqlite`);

/**
 * Runs against the real API (apps/api/dist/main.js on a fresh SQLite file, with its SMTP listener)
 * and the built agent UI (`node server.mjs`, which serves the build like `next start`), each on its own port.
 * Build first: `pnpm --filter @autocase/api build && pnpm --filter @autocase/agent-ui build`.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: E2E.appUrl,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: [
    {
      name: 'api',
      command: 'node dist/main.js',
      cwd: apiDirectory,
      url: `${E2E.apiUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        API_PORT: String(E2E.apiPort),
        API_HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${databaseFile}`,
        AUTOCASE_ADMIN_EMAIL: E2E.adminEmail,
        AUTOCASE_ADMIN_PASSWORD: E2E.adminPassword,
        AUTOCASE_PLUGINS: JSON.stringify(E2E_PLUGINS),
        SMTP_PORT: String(E2E.smtpPort),
        AGENT_UI_PORT: String(E2E.appPort),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '20000',
        TRUSTED_PROXIES: 'loopback',
      },
    },
    {
      name: 'agent-ui',
      command: 'node server.mjs',
      cwd: import.meta.dirname,
      url: `${E2E.appUrl}/sign-in`,
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { API_URL: E2E.apiUrl, AGENT_UI_PORT: String(E2E.appPort), NEXT_TELEMETRY_DISABLED: '1' },
    },
  ],
});
