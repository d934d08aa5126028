import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig, parseDatabaseUrl } from './app-config.js';

describe('loadConfig', () => {
  it('uses the embedded defaults: port 3000 and a SQLite file under <root>/data', () => {
    const config = loadConfig({}, '/srv/autocase');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: '/srv/autocase/data/autocase.sqlite' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.demo).toBe(false);
    expect(config.corsOrigins).toContain('http://127.0.0.1:3001');
    expect(config.corsOrigins).toContain('http://localhost:3002');
  });

  it('switches to PostgreSQL and Redis by URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/autocase', REDIS_URL: 'redis://127.0.0.1:6379', AUTOCASE_DEMO: '1' }, '/srv');
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgres://postgres@127.0.0.1:5432/autocase' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.demo).toBe(true);
  });

  it('names every bad variable and what was wrong', () => {
    try {
      loadConfig({ API_PORT: 'eighty', REDIS_URL: 'localhost:6379', AUTOCASE_ADMIN_EMAIL: 'nobody' }, '/srv');
      expect.unreachable('bad configuration must throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      expect(message).toContain('API_PORT: must be a port number (0-65535) (got "eighty")');
      expect(message).toContain('REDIS_URL: must start with redis://');
      expect(message).toContain('AUTOCASE_ADMIN_EMAIL: must be an email address');
    }
  });

  it('reads the background-work settings: one concurrency per process, lease and sweep interval in seconds', () => {
    expect(loadConfig({}, '/srv').jobs).toEqual({ concurrency: 4, leaseMs: 15_000, sweepIntervalMs: 15_000 });
    expect(loadConfig({ JOB_CONCURRENCY: '8', JOB_LEASE_SECONDS: '2.5', JOB_SWEEP_INTERVAL_SECONDS: '1' }, '/srv').jobs).toEqual({ concurrency: 8, leaseMs: 2500, sweepIntervalMs: 1000 });
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '0' }, '/srv')).toThrow(/JOB_LEASE_SECONDS/);
    expect(() => loadConfig({ JOB_CONCURRENCY: 'many' }, '/srv')).toThrow(/JOB_CONCURRENCY: must be a whole number of jobs/);
  });

  it('requires the admin email and password together', () => {
    expect(() => loadConfig({ AUTOCASE_ADMIN_EMAIL: 'admin@example.com' }, '/srv')).toThrow(/set both or neither/);
  });

  it('lower-cases the bootstrap admin email', () => {
    expect(loadConfig({ AUTOCASE_ADMIN_EMAIL: 'Admin@Example.com', AUTOCASE_ADMIN_PASSWORD: 'long-enough' }, '/srv').bootstrapAdmin).toEqual({ email: 'admin@example.com', password: 'long-enough' });
  });
});

describe('parseDatabaseUrl', () => {
  it('rejects unknown schemes with a hint', () => {
    expect(() => parseDatabaseUrl('mysql://x', '/srv')).toThrow(/use sqlite:<path to file> or postgres:/);
  });
  it('keeps in-memory SQLite and absolute paths', () => {
    expect(parseDatabaseUrl('sqlite::memory:', '/srv')).toEqual({ kind: 'sqlite', file: ':memory:' });
    expect(parseDatabaseUrl('sqlite:/var/lib/autocase.db', '/srv')).toEqual({ kind: 'sqlite', file: '/var/lib/autocase.db' });
  });
});
