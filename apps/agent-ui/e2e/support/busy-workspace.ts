import type { APIRequestContext } from '@playwright/test';
import nodemailer from 'nodemailer';
import { apiCall, apiLogin, type SignedInUser } from './api-helpers';
import { E2E } from './e2e-environment';
import { EXTRA_FIELDS, sampleCustomer, sampleExample, sampleRequest } from './busy-workspace-samples';

/** What the busy workspace holds once seeded (read by the specs and reported). */
export interface BusyWorkspace {
  /** Names of the customers whose chats wait for the whole run (never accepted by a test). */
  waitingCustomers: string[];
  cases: number;
  seededInMs: number;
}

export const WAITING_CHATS = 10;
export const BUSY_CASES = 1000;
const CHAT_CASES = 150;
/** A few more emails than needed: the spam and loop guards may link or skip some. */
const SEED_MARGIN = 40;
const IMPORTED_EXAMPLES = 400;
const WAITING_DOMAIN = 'waiting.example.org';

/** The mailboxes: support (replies go out over SMTP to the API's own listener, where the customer's address is a mailbox too), billing and sales. */
export const MAILBOXES = { support: E2E.mailbox, customer: 'customer@autocase.test', billing: 'billing@autocase.test', sales: 'sales@autocase.test' } as const;
export const SUPPORT_RULE = 'Every email becomes a case';

type Listed<T> = T[] | { items: T[] };
const itemsOf = <T>(listed: Listed<T>): T[] => (Array.isArray(listed) ? listed : listed.items);

/** A customer starts a chat (no account: the public chat endpoint). */
async function startChat(request: APIRequestContext, body: unknown): Promise<{ id: string }> {
  const response = await request.post(`${E2E.apiUrl}/api/chat/conversations`, { data: body });
  if (!response.ok()) throw new Error(`starting a chat failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

async function inBatches<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function ensureFields(request: APIRequestContext, admin: SignedInUser): Promise<void> {
  const fields = await apiCall<{ key: string }[]>(request, admin.token, 'GET', '/admin/fields');
  const missing = EXTRA_FIELDS.filter((field) => !fields.some((existing) => existing.key === field.key));
  if (missing.length > 0) await apiCall(request, admin.token, 'PUT', '/admin/fields', [...fields, ...missing]);
}

async function ensureMailboxes(request: APIRequestContext, admin: SignedInUser): Promise<void> {
  const existing = new Set(itemsOf(await apiCall<Listed<{ address: string }>>(request, admin.token, 'GET', '/admin/mailboxes')).map((mailbox) => mailbox.address));
  const wanted = [
    { address: MAILBOXES.support, displayName: 'Support', smtp: { host: '127.0.0.1', port: E2E.smtpPort }, acknowledgement: { subject: 'We received your request: {{subject}}', body: 'Hello {{customerName}},\n\nyour request is registered as {{caseNumber}}.\n' } },
    { address: MAILBOXES.customer, displayName: 'Customer inbox' },
    { address: MAILBOXES.billing, displayName: 'Billing' },
    { address: MAILBOXES.sales, displayName: 'Sales' },
  ];
  for (const mailbox of wanted) if (!existing.has(mailbox.address)) await apiCall(request, admin.token, 'POST', '/admin/mailboxes', mailbox);
  const rules = new Set(itemsOf(await apiCall<Listed<{ name: string }>>(request, admin.token, 'GET', '/admin/arc-rules')).map((rule) => rule.name));
  const wantedRules = [
    { mailbox: MAILBOXES.support, name: SUPPORT_RULE, items: [{ id: 'all', name: 'Everything', action: 'create-case', acknowledge: true }] },
    { mailbox: MAILBOXES.billing, name: 'Billing desk', items: [{ id: 'skip-bulk', name: 'Skip newsletters', conditions: [{ type: 'bulk', value: true }], action: 'skip' }, { id: 'all', name: 'Everything else', action: 'create-case' }] },
    { mailbox: MAILBOXES.sales, name: 'Sales desk', items: [{ id: 'all', name: 'Everything', action: 'create-case' }] },
  ];
  for (const rule of wantedRules) if (!rules.has(rule.name)) await apiCall(request, admin.token, 'POST', '/admin/arc-rules', rule);
}

/** Email cases over the real SMTP listener (pooled connections), spread over the billing and sales mailboxes. */
async function seedEmailCases(count: number, firstIndex = 0): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: E2E.smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: 4, maxMessages: Infinity });
  try {
    await inBatches(
      Array.from({ length: count }, (_, index) => firstIndex + index),
      8,
      (index) => {
        const customer = sampleCustomer(index);
        const { subject, text } = sampleRequest(index);
        return transport.sendMail({ from: `"${customer.name}" <${customer.email}>`, to: index % 3 === 0 ? MAILBOXES.sales : MAILBOXES.billing, subject: `${subject} (#${index})`, text });
      },
    );
  } finally {
    transport.close();
  }
}

/** Chat cases through the real chat API: the customer starts with a question, a seeding agent accepts (the case is created on accept) and ends it. */
async function seedChatCases(request: APIRequestContext, seeder: SignedInUser, count: number): Promise<void> {
  await inBatches(
    Array.from({ length: count }, (_, index) => index),
    4,
    async (index) => {
      const customer = sampleCustomer(10_000 + index);
      const started = await startChat(request, { customer, context: { question: sampleRequest(index).text } });
      await apiCall(request, seeder.token, 'POST', `/conversations/${started.id}/accept`);
      await apiCall(request, seeder.token, 'POST', `/conversations/${started.id}/end`);
    },
  );
}

async function caseCount(request: APIRequestContext, admin: SignedInUser): Promise<number> {
  return (await apiCall<{ total: number }>(request, admin.token, 'GET', '/cases?pageSize=1')).total;
}

/**
 * Waits until the workspace holds `atLeast` cases. A chat whose question the predictors cannot categorise
 * (yet: the learned model trains meanwhile) gets no case on accept, so once the count settles below the
 * goal it is topped up with more emails.
 */
async function waitForCases(request: APIRequestContext, admin: SignedInUser, atLeast: number): Promise<number> {
  const deadline = Date.now() + 90_000;
  let previous = -1;
  let settledSince = Date.now();
  let toppedUp = 0;
  for (;;) {
    const total = await caseCount(request, admin);
    if (total >= atLeast) return total;
    if (Date.now() > deadline) throw new Error(`the busy workspace has ${total} cases after 90 s, expected ${atLeast}`);
    if (total !== previous) [previous, settledSince] = [total, Date.now()];
    else if (Date.now() - settledSince > 3_000) {
      await seedEmailCases(atLeast - total + 5, 50_000 + toppedUp);
      toppedUp += atLeast - total + 5;
      settledSince = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Waits until the background jobs the seeding queued (email processing, chat summaries, training) are done, so the specs measure a busy workspace, not a seeding one. */
async function waitForQuietQueue(request: APIRequestContext, admin: SignedInUser): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [pending, running] = await Promise.all(
      ['pending', 'running'].map(async (status) => (await apiCall<{ items: unknown[] }>(request, admin.token, 'GET', `/admin/jobs?status=${status}&limit=1`)).items.length),
    );
    if (pending === 0 && running === 0) return;
    if (Date.now() > deadline) throw new Error(`background jobs still pending (${pending}) or running (${running}) 120 s after seeding`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function ensureTrainedModel(request: APIRequestContext, admin: SignedInUser): Promise<void> {
  const stored = await apiCall<{ total: number }>(request, admin.token, 'GET', '/admin/cases/import');
  if (stored.total < IMPORTED_EXAMPLES) {
    await apiCall(request, admin.token, 'POST', '/admin/cases/import', Array.from({ length: IMPORTED_EXAMPLES }, (_, index) => sampleExample(index)));
  }
  let status = await apiCall<{ status: string; message: string | null }>(request, admin.token, 'GET', '/admin/predictors/learned');
  if (status.status === 'ready') return;
  if (status.status !== 'training') status = await apiCall(request, admin.token, 'POST', '/admin/predictors/learned/train');
  const deadline = Date.now() + 90_000;
  while (status.status !== 'ready') {
    if (status.status === 'failed') throw new Error(`training the learned model failed: ${status.message}`);
    if (Date.now() > deadline) throw new Error(`the learned model is still ${status.status} after 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    status = await apiCall(request, admin.token, 'GET', '/admin/predictors/learned');
  }
}

/** Tops the waiting queue up to WAITING_CHATS chats from several customers (none of them is ever accepted by a test). */
async function ensureWaitingChats(request: APIRequestContext, admin: SignedInUser): Promise<string[]> {
  const waiting = itemsOf(await apiCall<Listed<{ customer: { name: string | null; email: string | null } }>>(request, admin.token, 'GET', '/conversations?state=waiting'));
  const ours = waiting.filter((conversation) => conversation.customer.email?.endsWith(`@${WAITING_DOMAIN}`)).map((conversation) => conversation.customer.name ?? '');
  for (let index = ours.length; index < WAITING_CHATS; index += 1) {
    const customer = sampleCustomer(20_000 + index);
    const name = `${customer.name} (waiting ${index + 1})`;
    await startChat(request, { customer: { name, email: `waiting-${index + 1}@${WAITING_DOMAIN}` }, context: { question: sampleRequest(index + 3).text } });
    ours.push(name);
  }
  return ours;
}

/**
 * Seeds the workspace the agent-UI specs run in, through the real API and SMTP listener:
 * extra fields of every type, four mailboxes with rules, ≥ 1,000 cases of both channels,
 * imported examples with a trained learned model, and WAITING_CHATS chats that stay waiting.
 * Idempotent: a retried worker tops up what is missing.
 */
export async function seedBusyWorkspace(request: APIRequestContext): Promise<BusyWorkspace> {
  const started = Date.now();
  const admin = await apiLogin(request);
  await ensureFields(request, admin);
  await ensureMailboxes(request, admin);
  let cases = await caseCount(request, admin);
  if (cases < BUSY_CASES) {
    const seederEmail = `seeder-${Date.now()}@example.com`;
    await apiCall(request, admin.token, 'POST', '/admin/users', { email: seederEmail, password: 'seeder-password-123', role: 'agent', displayName: 'Seeding Agent' });
    const seeder = await apiLogin(request, seederEmail, 'seeder-password-123');
    await Promise.all([seedEmailCases(BUSY_CASES - CHAT_CASES + SEED_MARGIN), seedChatCases(request, seeder, CHAT_CASES), ensureTrainedModel(request, admin)]);
    cases = await waitForCases(request, admin, BUSY_CASES);
  } else {
    await ensureTrainedModel(request, admin);
  }
  const waitingCustomers = await ensureWaitingChats(request, admin);
  const seededInMs = Date.now() - started;
  await waitForQuietQueue(request, admin);
  const workspace = { waitingCustomers, cases, seededInMs };
  console.log(`busy workspace: ${cases} cases, ${waitingCustomers.length} chats waiting, seeded in ${(seededInMs / 1000).toFixed(1)} s, background work done ${((Date.now() - started - seededInMs) / 1000).toFixed(1)} s later`);
  return workspace;
}
