import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadChatConfig, type ChatConfig } from '../chat/chat-config.js';
import { loadEmailConfig, type EmailChannelConfig } from '../email/email-config.js';
import { parseTrustedProxies } from '../http/trusted-proxies.js';

/** Relative SQLite paths resolve against the monorepo root (the folder holding pnpm-workspace.yaml), else the cwd. */
export function findProjectRoot(start: string = process.cwd()): string {
  let current = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(current, 'pnpm-workspace.yaml'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(start);
    current = parent;
  }
}

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgresql'; url: string };

/** `sqlite:<path>` (or `sqlite::memory:`), `file:<path>`, or `postgres://` / `postgresql://`. */
export function parseDatabaseUrl(url: string, root: string): DatabaseConfig {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgresql', url };
  const match = /^(?:sqlite|file):(.+)$/.exec(url);
  if (!match?.[1]) throw new Error(`DATABASE_URL "${url}" is not supported: use sqlite:<path to file> or postgres://user@host:port/database`);
  const file = match[1] === ':memory:' ? ':memory:' : path.resolve(root, match[1].replace(/^\/\/(?=\/)/, ''));
  return { kind: 'sqlite', file };
}

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const EnvironmentSchema = z.object({
  API_PORT: z.coerce.number({ error: 'must be a port number (0-65535)' }).int().min(0).max(65535).default(3000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/autocase.sqlite'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]{1,64}$/, 'must be 1-64 letters, digits, ":", "_" or "-"').default('autocase'),
  AUTOCASE_ADMIN_EMAIL: z.email('must be an email address').optional(),
  AUTOCASE_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  AUTOCASE_DEMO: booleanFlag,
  AUTOCASE_SECRET_KEY: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -base64 32`)').optional(),
  AUTOCASE_SECRET_KEY_FILE: z.string().min(1).default('./data/secret.key'),
  AUTOCASE_PLUGINS: z.string().optional(),
  AUTOCASE_PLUGINS_FILE: z.string().optional(),
  CORS_ORIGINS: z.string().optional(),
  ADMIN_PORT: z.coerce.number({ error: 'must be a port number' }).int().default(3001),
  AGENT_UI_PORT: z.coerce.number({ error: 'must be a port number' }).int().default(3002),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUSTED_PROXIES: z.string().optional(),
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters (e.g. `openssl rand -base64 32`)').optional().or(z.literal('').transform(() => undefined)),
  RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: 'must be a whole number of requests' }).int().min(1).default(30),
  JOB_CONCURRENCY: z.coerce.number({ error: 'must be a whole number of jobs' }).int().min(1).max(256).default(4),
  JOB_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(1).max(3600).default(15),
  JOB_SWEEP_INTERVAL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(1).max(3600).default(15),
  AUTH_IDLE_TIMEOUT_MINUTES: z.coerce.number({ error: 'must be a whole number of minutes' }).int().min(1).max(525_600).default(480),
  AUTH_MAX_AGE_HOURS: z.coerce.number({ error: 'must be a whole number of hours' }).int().min(1).max(8760).default(168),
});

/** How this process runs background work (see apps/api/README.md). */
export interface JobSettings {
  /** Jobs this process runs at once, all job names together (JOB_CONCURRENCY). */
  concurrency: number;
  /**
   * How long a running job or an email being processed stays claimed without a renewal
   * (JOB_LEASE_SECONDS); holders renew every third of it, so a dead holder's work is taken over
   * within one lease.
   */
  leaseMs: number;
  /** How often each process looks in the database for work that is not done and not held (JOB_SWEEP_INTERVAL_SECONDS). */
  sweepIntervalMs: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = { concurrency: 4, leaseMs: 15_000, sweepIntervalMs: 15_000 };

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl?: string;
  /** Key prefix of the Bull queues in Redis (separates deployments sharing one Redis). */
  redisQueuePrefix: string;
  bootstrapAdmin?: { email: string; password: string };
  demo: boolean;
  /**
   * The key that encrypts the secrets stored in the database (LLM API key, mailbox passwords,
   * webhook secrets): AUTOCASE_SECRET_KEY, else the file AUTOCASE_SECRET_KEY_FILE (created on
   * first start). Every API process of one deployment needs the same key.
   */
  secrets: { key?: string; keyFile: string };
  /** Raw plugin configuration (JSON from AUTOCASE_PLUGINS or AUTOCASE_PLUGINS_FILE); validated by the plugin loader. */
  pluginsJson?: string;
  pluginsFile?: string;
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  publicRateLimitPerMinute: number;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES; empty: nobody's). */
  trustedProxies: string[];
  /** Bearer token Prometheus sends to /api/metrics (admins' own tokens work too). */
  metricsToken?: string;
  /** Sign-in tokens: unused for `idleTimeoutMs` (AUTH_IDLE_TIMEOUT_MINUTES) or older than `maxAgeMs` (AUTH_MAX_AGE_HOURS), they stop working. */
  sessions: { idleTimeoutMs: number; maxAgeMs: number };
  /** Inbound SMTP and email processing settings (SMTP_* variables, see email/email-config.ts). */
  email?: EmailChannelConfig;
  /** Live chat settings (CHAT_* variables, see chat/chat-config.ts). */
  chat?: ChatConfig;
  /** Background work: concurrency, leases, sweeper (JOB_* variables); DEFAULT_JOB_SETTINGS when not set. */
  jobs?: JobSettings;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration; fix these environment variables:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Parses and validates the environment; throws a ConfigurationError naming every bad variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env, root: string = findProjectRoot()): AppConfig {
  const parsed = EnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(environment[String(issue.path[0])])})`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  let database: DatabaseConfig = { kind: 'sqlite', file: ':memory:' };
  try {
    database = parseDatabaseUrl(env.DATABASE_URL, root);
  } catch (error) {
    problems.push(`DATABASE_URL: ${(error as Error).message}`);
  }
  if (Boolean(env.AUTOCASE_ADMIN_EMAIL) !== Boolean(env.AUTOCASE_ADMIN_PASSWORD)) {
    problems.push('AUTOCASE_ADMIN_EMAIL and AUTOCASE_ADMIN_PASSWORD: set both or neither');
  }
  let email: EmailChannelConfig | undefined;
  try {
    email = loadEmailConfig(environment, root);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let trustedProxies: string[] = [];
  try {
    trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let chat: ChatConfig | undefined;
  try {
    chat = loadChatConfig(environment);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  const uiOrigins = [env.ADMIN_PORT, env.AGENT_UI_PORT].flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return {
    port: env.API_PORT,
    host: env.API_HOST,
    database,
    redisUrl: env.REDIS_URL,
    redisQueuePrefix: env.REDIS_QUEUE_PREFIX,
    bootstrapAdmin: env.AUTOCASE_ADMIN_EMAIL && env.AUTOCASE_ADMIN_PASSWORD ? { email: env.AUTOCASE_ADMIN_EMAIL.toLowerCase(), password: env.AUTOCASE_ADMIN_PASSWORD } : undefined,
    demo: env.AUTOCASE_DEMO,
    secrets: { key: env.AUTOCASE_SECRET_KEY, keyFile: path.resolve(root, env.AUTOCASE_SECRET_KEY_FILE) },
    pluginsJson: env.AUTOCASE_PLUGINS,
    pluginsFile: env.AUTOCASE_PLUGINS_FILE ? path.resolve(root, env.AUTOCASE_PLUGINS_FILE) : undefined,
    corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) : uiOrigins,
    logLevel: env.LOG_LEVEL,
    publicRateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    metricsToken: env.METRICS_TOKEN,
    trustedProxies,
    sessions: { idleTimeoutMs: env.AUTH_IDLE_TIMEOUT_MINUTES * 60_000, maxAgeMs: env.AUTH_MAX_AGE_HOURS * 3_600_000 },
    email,
    chat,
    jobs: { concurrency: env.JOB_CONCURRENCY, leaseMs: Math.round(env.JOB_LEASE_SECONDS * 1000), sweepIntervalMs: Math.round(env.JOB_SWEEP_INTERVAL_SECONDS * 1000) },
  };
}
