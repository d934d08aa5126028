#!/usr/bin/env node
// Starts the whole platform on the embedded default: builds what is needed, then runs the API
// (HTTP + WebSocket + SMTP listener + in-process jobs on SQLite), the admin console and the agent UI.
// Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { API_NODE_FLAGS } from '../apps/api/node-flags.mjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const skipBuild = process.argv.includes('--no-build');
const env = {
  ...process.env,
  API_PORT: process.env.API_PORT ?? '3000',
  ADMIN_PORT: process.env.ADMIN_PORT ?? '3001',
  AGENT_UI_PORT: process.env.AGENT_UI_PORT ?? '3002',
  SMTP_PORT: process.env.SMTP_PORT ?? '2525',
  AUTOCASE_DEMO: process.env.AUTOCASE_DEMO ?? '1',
  // The two UIs proxy /api from this host and stamp the client's real address (apps/*/server.mjs).
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? 'loopback',
  NODE_ENV: 'production',
};
env.API_URL = process.env.API_URL ?? `http://127.0.0.1:${env.API_PORT}`;
env.DATABASE_URL = process.env.DATABASE_URL ?? `sqlite:${path.join(root, 'data', 'autocase.sqlite')}`;
mkdirSync(path.join(root, 'data'), { recursive: true });

function log(message) {
  process.stderr.write(`\x1b[36m[autocase]\x1b[0m ${message}\n`);
}

if (!skipBuild) {
  log('building (turbo caches unchanged packages)…');
  const build = spawnSync('pnpm', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    log('build failed; see the errors above');
    process.exit(build.status ?? 1);
  }
}

const processes = [
  { name: 'api', cwd: 'apps/api', command: 'node', args: [...API_NODE_FLAGS, 'dist/main.js'], color: 35 },
  { name: 'admin', cwd: 'apps/admin', command: 'pnpm', args: ['start'], color: 32 },
  { name: 'agent-ui', cwd: 'apps/agent-ui', command: 'pnpm', args: ['start'], color: 33 },
];

const children = [];
let stopping = false;

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const QUIET_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'WebSocketsController']);

/** The API logs JSON (pino); on a terminal show it as `level message key=value`, unless LOG_FORMAT=json. */
function readableLogLine(line) {
  if (process.env.LOG_FORMAT === 'json' || !line.startsWith('{')) return line;
  try {
    const { level, msg, context, ...rest } = JSON.parse(line);
    for (const noise of ['time', 'service', 'pid', 'hostname']) delete rest[noise];
    if (QUIET_CONTEXTS.has(context) && level < 40) return null;
    const extras = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    const label = LEVELS[level] ?? String(level);
    const painted = level >= 50 ? `\x1b[31m${label}\x1b[0m` : level >= 40 ? `\x1b[33m${label}\x1b[0m` : label;
    return [painted.padEnd(5), msg, ...extras].join(' ');
  } catch {
    return line;
  }
}

function prefixLines(name, color, stream, target) {
  let pending = '';
  stream.on('data', (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const shown = readableLogLine(line);
      if (shown !== null) target.write(`\x1b[${color}m${name.padEnd(8)}\x1b[0m ${shown}\n`);
    }
  });
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}

for (const spec of processes) {
  const child = spawn(spec.command, spec.args, { cwd: path.join(root, spec.cwd), env, stdio: ['ignore', 'pipe', 'pipe'] });
  prefixLines(spec.name, spec.color, child.stdout, process.stdout);
  prefixLines(spec.name, spec.color, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${spec.name} exited (${signal ?? code}); stopping the platform`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

log(`API        http://127.0.0.1:${env.API_PORT}/api  (docs: /api/docs)`);
log(`admin      http://127.0.0.1:${env.ADMIN_PORT}`);
log(`agent UI   http://127.0.0.1:${env.AGENT_UI_PORT}  (customer chat: /chat)`);
log(`SMTP       127.0.0.1:${env.SMTP_PORT}`);
log(`database   ${env.DATABASE_URL}`);
