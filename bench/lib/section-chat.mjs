// Section 2: live chat latency and fan-out on the embedded default, plus a CPU profile of one run.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, startApi } from './api-process.mjs';
import { configurePredictors } from './bench-plugins.mjs';
import { connectAgents, loadConversations, runChatOnce } from './chat-load.mjs';
import { summarizeProfileFolder } from './cpu-profile.mjs';
import { figure, formatNumber, percent } from './report.mjs';
import { sqliteDatabase } from './services.mjs';
import { summarizeRuns } from './stats.mjs';

const ACCEPT_TO_CASE_P95_TARGET_MS = 25;

async function withChatApi({ root, workDir, label, cpuProfileDir, sqlCountFile, agentCount }, action) {
  const database = sqliteDatabase(workDir, label);
  const api = await startApi({ root, workDir, label, databaseUrl: database.url, cpuProfileDir, sqlCountFile });
  let agents = [];
  try {
    const admin = await ApiClient.login(api.url);
    await configurePredictors(admin);
    agents = await connectAgents(api.url, admin, agentCount);
    return await action(api, agents);
  } finally {
    for (const agent of agents) agent.socket.disconnect();
    await api.stop();
    await database.drop();
  }
}

export async function runChatSection({ root, workDir, options, evalDir, log }) {
  const conversations = loadConversations(join(evalDir, 'conversations'));
  const details = { customers: options.customers, agents: options.agents, conversations: conversations.length, runs: [] };
  await withChatApi({ root, workDir, label: 'chat', agentCount: options.agents }, async (api, agents) => {
    log('chat: warm-up run (5 customers, not counted)');
    await runChatOnce({ url: api.url, agents, conversations, customers: 5, runLabel: 'warmup' });
    for (let run = 1; run <= options.runs; run += 1) {
      log(`chat run ${run}/${options.runs}: ${options.customers} customers, ${options.agents} agents`);
      details.runs.push(await runChatOnce({ url: api.url, agents, conversations, customers: options.customers, runLabel: `run${run}` }));
    }
  });

  log('chat: CPU profile of one run');
  const profileDir = join(workDir, 'profile-chat');
  mkdirSync(profileDir, { recursive: true });
  let skipMs = 0;
  const sqlCountFile = join(workDir, 'chat-profiled-sql.json');
  await withChatApi({ root, workDir, label: 'chat-profiled', cpuProfileDir: profileDir, sqlCountFile, agentCount: options.agents }, async (api, agents) => {
    await runChatOnce({ url: api.url, agents, conversations, customers: 5, runLabel: 'warmup' });
    skipMs = Date.now() - api.startedAt;
    details.profiledRun = await runChatOnce({ url: api.url, agents, conversations, customers: options.customers, runLabel: 'profiled' });
  });
  details.profile = summarizeProfileFolder(profileDir, 15, { skipMs });
  const statements = existsSync(sqlCountFile) ? JSON.parse(readFileSync(sqlCountFile, 'utf8')) : null;
  const profiledMessages = (details.profiledRun?.sentMessages ?? 0) + 5 * (conversations[0]?.turns.length ?? 0);

  const across = (pick) => summarizeRuns(details.runs.map(pick).filter((value) => typeof value === 'number'));
  const rangeText = (summary, unit) => `${formatNumber(summary.min)}–${formatNumber(summary.max)}${unit} (${summary.runs} runs)`;
  const rows = [];
  const who = `${options.customers} customers, ${options.agents} agents`;
  for (const [key, label] of [['p50', 'p50'], ['p95', 'p95'], ['p99', 'p99']]) {
    const summary = across((run) => run.acceptToCaseCreatedMs[key]);
    const targeted = key === 'p95';
    rows.push(figure('chat', `Chat accept → case.created received, ${label} (${who})`, `${formatNumber(summary.median)} ms`, { range: rangeText(summary, ' ms'), target: targeted ? `≤ ${ACCEPT_TO_CASE_P95_TARGET_MS} ms` : '', pass: targeted ? summary.median <= ACCEPT_TO_CASE_P95_TARGET_MS : null }));
  }
  for (const key of ['p50', 'p95']) {
    const summary = across((run) => run.updateFromConversationMs?.[key]);
    if (summary.runs) rows.push(figure('chat', `Chat "Update from conversation" latency, ${key}`, `${formatNumber(summary.median)} ms`, { range: rangeText(summary, ' ms') }));
  }
  const ack = across((run) => run.messageAckMs?.p95);
  rows.push(figure('chat', 'Chat message round trip (socket.io emit → ack with stored message), p95', `${formatNumber(ack.median)} ms`, { range: rangeText(ack, ' ms') }));
  const fanOut = across((run) => run.fanOutPerSecond);
  const sent = across((run) => run.sentPerSecond);
  rows.push(figure('chat', `Chat message fan-out (deliveries to agent + customer sockets)`, `${formatNumber(fanOut.median)} msgs/s (${formatNumber(sent.median)} sent/s)`, { range: rangeText(fanOut, ' msgs/s') }));
  const problems = details.runs.flatMap((run) => run.problems);
  if (problems.length) rows.push(figure('chat', 'Chat problems (see JSON)', `${problems.length}: ${problems[0].slice(0, 120)}`));
  if (statements) {
    const conversationsServed = options.customers + 5;
    details.sqlStatements = { total: statements.total, perConversation: statements.total / conversationsServed, statements: statements.statements.slice(0, 15) };
    rows.push(figure('chat', `SQLite statements per chat conversation (start, accept, ~${Math.round(profiledMessages / conversationsServed)} messages, update, end; whole API process)`, formatNumber(details.sqlStatements.perConversation), { range: `top: ${statements.statements.slice(0, 3).map((entry) => `${entry.sql.slice(0, 60)}… ×${entry.count}`).join('; ')}` }));
  }
  rows.push(figure('chat', 'Chat slowest stage (CPU self time during one run)', `${details.profile.slowestStage}: ${percent(details.profile.pipelineStages[0]?.share)}`));
  return { rows, details };
}
