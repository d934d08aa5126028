// Private PostgreSQL and Redis instances for fault drills (outages must not touch the shared
// services), and the API started as a real child process (`node dist/main.js`) that a drill can
// kill with SIGKILL. Plain JavaScript so `pnpm bench` (bench/lib/section-faults.mjs) reuses it.
import { execFile, spawn } from 'node:child_process';
import { chownSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN = { email: 'faults-admin@autocase.test', password: 'faults-admin-password' };
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

export function canConnect(port) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitForPort(port, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (Date.now() > deadline) throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** redis-server on its own port, without persistence: a restart starts empty (as after losing Redis). */
export class PrivateRedis {
  constructor(port) {
    this.port = port;
    this.child = null;
  }

  static async start() {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.exited = new Promise((done) => this.child.once('exit', done));
    await waitForPort(this.port, 10_000, 'redis-server');
  }

  /** Gone at once (SIGKILL), with everything it held. */
  async kill() {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

function postgresBinary(name) {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((entry) => /^\d+$/.test(entry)).sort((left, right) => Number(right) - Number(left));
    for (const version of versions) if (existsSync(join(base, version, 'bin', name))) return join(base, version, 'bin', name);
  }
  return name;
}

/** PostgreSQL in a temporary folder on its own port (as the `postgres` user when run as root: initdb refuses root). */
export class PrivatePostgres {
  constructor(port, folder) {
    this.port = port;
    this.folder = folder;
  }

  static async start() {
    const folder = mkdtempSync(join(tmpdir(), 'autocase-faults-pg-'));
    const postgres = new PrivatePostgres(await freePort(), folder);
    if (process.getuid?.() === 0) chownSync(folder, ...postgres.owner());
    await postgres.tool('initdb', ['-D', join(folder, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await postgres.start();
    return postgres;
  }

  owner() {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
    if (!line) throw new Error('running as root needs a `postgres` user to run PostgreSQL');
    const [, , uid, gid] = line.split(':');
    return [Number(uid), Number(gid)];
  }

  tool(name, args) {
    const binary = postgresBinary(name);
    return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args);
  }

  url(database = 'postgres') {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name) {
    await this.tool('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name]);
    return this.url(name);
  }

  start() {
    const options = `-p ${this.port} -k ${this.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    return this.tool('pg_ctl', ['-D', join(this.folder, 'data'), '-o', options, '-l', join(this.folder, 'postgres.log'), '-w', 'start']);
  }

  /** Stops at once, as a crash would (immediate mode: open connections are cut). */
  stop() {
    return this.tool('pg_ctl', ['-D', join(this.folder, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  async destroy() {
    await this.stop().catch(() => undefined);
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** Variables of the caller that must not leak into the drilled API. */
const OWN_VARIABLES = /^(API_|DATABASE_URL|REDIS_URL|SMTP_|AUTOCASE_|LOG_LEVEL|RATE_LIMIT_|EMAIL_|JOB_|NODE_OPTIONS|CHAT_)/;

/**
 * `node dist/main.js` (build apps/api first) on free HTTP and SMTP ports; resolves once
 * /api/health answers and SMTP accepts connections. Leases and the sweeper are short (1-2 s) so
 * a drill measures recovery in seconds. `kill()` is kill -9.
 */
export async function startApi({ label, workDir, databaseUrl, redisUrl, env = {} }) {
  const main = join(API_ROOT, 'dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the API first (pnpm --filter @autocase/api build)`);
  const [httpPort, smtpPort] = [await freePort(), await freePort()];
  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWN_VARIABLES.test(name)));
  Object.assign(childEnv, {
    API_HOST: '127.0.0.1',
    API_PORT: String(httpPort),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    DATABASE_URL: databaseUrl,
    AUTOCASE_ADMIN_EMAIL: ADMIN.email,
    AUTOCASE_ADMIN_PASSWORD: ADMIN.password,
    AUTOCASE_SECRET_KEY: 'fault-drill-secret-key-0123456789',
    AUTOCASE_PLUGINS: '[]',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    JOB_LEASE_SECONDS: '2',
    JOB_SWEEP_INTERVAL_SECONDS: '1',
    EMAIL_MAILBOX_REFRESH_MS: '300',
    ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_QUEUE_PREFIX: 'faults' } : {}),
    ...env,
  });
  const logFile = join(workDir, `${label}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--max-semi-space-size=8', main], { cwd: API_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  let exit = null;
  void exited.then((result) => (exit = result));
  const url = `http://127.0.0.1:${httpPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exit) throw new Error(`the API (${label}) exited during start (${JSON.stringify(exit)}); see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API (${label}) did not answer within 60 s; see ${logFile}`);
    }
    const answered = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (answered && (await canConnect(smtpPort))) break;
    await sleep(150);
  }
  return {
    label,
    url,
    smtpPort,
    logFile,
    pid: child.pid,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function temporaryFolder(prefix = 'autocase-faults-') {
  return mkdtempSync(join(tmpdir(), prefix));
}
