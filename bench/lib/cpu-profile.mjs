// Summarises a V8 .cpuprofile: self time per function and per stage (package or source folder).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where a script belongs: an npm package, an Autocase workspace folder, or Node itself. */
export function stageOf(url) {
  if (!url) return '(native / idle)';
  if (url.startsWith('node:')) return 'node core';
  const packageMatch = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  const workspace = /\/(apps|packages)\/([^/]+)\/(?:dist|src)\/([^/]+)/.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}/${workspace[3].replace(/\.(js|ts|mjs)$/, '')}`;
  return url.replace(/^file:\/\//, '');
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Pipeline stages, as the first matching pattern over a script's stage name. */
const PIPELINE_STAGES = [
  ['persistence (MikroORM, Kysely, better-sqlite3 / pg)', /^(@mikro-orm\/|kysely|better-sqlite3|pg|pg-protocol|pg-pool|apps\/api\/persistence|apps\/api\/email\/mikro-)/],
  ['MIME parsing and text extraction (mailparser, mailsplit, libmime, iconv-lite, html-to-text, email-reply-parser)', /^(mailparser|@zone-eu\/mailsplit|mailsplit|libmime|libqp|libbase64|iconv-lite|encoding-japanese|html-to-text|htmlparser2|domhandler|dom-serializer|entities|selderee|parseley|linkify-it|punycode|tlds|he|email-reply-parser|re2)/],
  ['SMTP protocol (smtp-server)', /^(smtp-server|ipv6-normalize|base32.js)/],
  ['queue (Bull, ioredis, in-process queue)', /^(bull|ioredis|@ioredis\/|redis-parser|cron-parser|apps\/api\/queue)/],
  ['predictors', /^packages\/predictors\//],
  ['case engine (core use cases)', /^packages\/core\//],
  ['email channel (classification, threading)', /^packages\/channels\//],
  ['HTTP, WebSocket and framework (Nest, Express, socket.io)', /^(@nestjs\/|express|router|body-parser|helmet|socket\.io|engine\.io|ws$|@socket\.io\/|path-to-regexp|raw-body|qs|send|finalhandler|on-finished|apps\/api\/(http|chat|auth|ops|cases|admin-config|infrastructure|events))/],
  ['validation (zod)', /^zod/],
  ['logging (pino)', /^(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped)/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['Node.js runtime (streams, sockets, buffers, module loading)', /^(node core|\(native \/ idle\)|\(program\))$/],
];

/** The pipeline stage a stage name (package or source folder) belongs to. */
export function pipelineStageOf(stage) {
  return PIPELINE_STAGES.find(([, pattern]) => pattern.test(stage))?.[0] ?? `other (${stage})`;
}

/** Self time (ms) per function and per stage, biggest first, with the share of busy time. */
export function summarizeCpuProfile(profile, top = 12, { skipMs = 0 } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicroseconds = new Map();
  let elapsed = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    if (elapsed <= skipMs * 1000) return;
    selfMicroseconds.set(nodeId, (selfMicroseconds.get(nodeId) ?? 0) + delta);
  });
  const byFunction = new Map();
  const byStage = new Map();
  const byPipelineStage = new Map();
  let busy = 0;
  let idle = 0;
  for (const [nodeId, microseconds] of selfMicroseconds) {
    const { callFrame } = nodes.get(nodeId);
    if (callFrame.functionName === '(idle)') {
      idle += microseconds;
      continue;
    }
    busy += microseconds;
    const stage = SPECIAL.has(callFrame.functionName) ? callFrame.functionName : stageOf(callFrame.url);
    const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url ? `${stageOf(callFrame.url)}:${callFrame.lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + microseconds);
    byStage.set(stage, (byStage.get(stage) ?? 0) + microseconds);
    const pipelineStage = pipelineStageOf(stage);
    byPipelineStage.set(pipelineStage, (byPipelineStage.get(pipelineStage) ?? 0) + microseconds);
  }
  const ranked = (map) =>
    [...map.entries()]
      .sort((left, right) => right[1] - left[1])
      .slice(0, top)
      .map(([name, microseconds]) => ({ name, selfMs: Math.round(microseconds / 1000), share: busy ? microseconds / busy : 0 }));
  const pipelineStages = ranked(byPipelineStage);
  return { busyMs: Math.round(busy / 1000), idleMs: Math.round(idle / 1000), slowestStage: pipelineStages[0]?.name ?? null, pipelineStages, packages: ranked(byStage), functions: ranked(byFunction) };
}

/** Reads every .cpuprofile of a folder (one per profiled process) and summarises the busiest; `skipMs` leaves out the start. */
export function summarizeProfileFolder(folder, top, options) {
  const files = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no .cpuprofile was written to ${folder} (did the API exit cleanly?)`);
  const summaries = files.map((file) => ({ file: join(folder, file), ...summarizeCpuProfile(JSON.parse(readFileSync(join(folder, file), 'utf8')), top, options) }));
  return summaries.sort((left, right) => right.busyMs - left.busyMs)[0];
}
