// The Autocase API started the way a user starts it: `node <API_NODE_FLAGS> apps/api/dist/main.js` with environment variables.
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from '../../apps/api/node-flags.mjs';
import { freePort } from './free-port.mjs';
import { sleep, startProcess } from './processes.mjs';

export const ADMIN_EMAIL = 'bench-admin@bench.autocase.test';
export const ADMIN_PASSWORD = 'bench-admin-password';

/** Variables of the caller that must not leak into a benchmarked API. */
const OWN_VARIABLES = /^(API_|DATABASE_URL|REDIS_URL|SMTP_|AUTOCASE_|LOG_LEVEL|RATE_LIMIT_|EMAIL_|NODE_OPTIONS)/;

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts one API process on free HTTP and SMTP ports and waits until /api/health answers and the
 * SMTP port accepts connections. `cpuProfileDir` adds `--cpu-prof` (written when it stops);
 * `sqlCountFile` preloads the SQLite statement counter (SQLite only, written when it stops).
 */
export async function startApi({ root, workDir, label, databaseUrl, redisUrl, cpuProfileDir, sqlCountFile, extraEnv = {} }) {
  const [httpPort, smtpPort] = [await freePort(), await freePort()];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWN_VARIABLES.test(name)));
  Object.assign(env, {
    API_HOST: '127.0.0.1',
    API_PORT: String(httpPort),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    DATABASE_URL: databaseUrl,
    AUTOCASE_ADMIN_EMAIL: ADMIN_EMAIL,
    AUTOCASE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...extraEnv,
  });
  const logFile = join(workDir, `${label}.log`);
  const nodeArguments = [...API_NODE_FLAGS, ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])];
  if (sqlCountFile) {
    nodeArguments.push('--require', new URL('./sql-statement-counter.cjs', import.meta.url).pathname);
    env.BENCH_SQL_COUNT_FILE = sqlCountFile;
  }
  const handle = startProcess({ command: process.execPath, args: [...nodeArguments, join(root, 'apps/api/dist/main.js')], env, cwd: root, logFile });
  const url = `http://127.0.0.1:${httpPort}`;
  const deadline = Date.now() + 90_000;
  let exit = null;
  handle.exited.then((result) => {
    exit = result;
  });
  for (;;) {
    if (exit) throw new Error(`the API (${label}) exited during start (${JSON.stringify(exit)}); its log ${logFile} ends with:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`the API (${label}) did not answer /api/health within 90 s; log ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok && (await canConnect(smtpPort))) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return { ...handle, label, url, httpPort, smtpPort, logFile };
}

/** A small JSON client of the API for one signed-in user. */
export class ApiClient {
  constructor(url, token = null) {
    this.url = url;
    this.token = token;
  }

  static async login(url, email = ADMIN_EMAIL, password = ADMIN_PASSWORD) {
    const client = new ApiClient(url);
    const session = await client.request('POST', '/api/auth/login', { email, password });
    client.token = session.token;
    client.user = session.user;
    return client;
  }

  async request(method, path, body, headers = {}) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body = {}, headers) {
    return this.request('POST', path, body, headers);
  }

  put(path, body) {
    return this.request('PUT', path, body);
  }
}
