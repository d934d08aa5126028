// Live chat load: customers over socket.io + REST with ABCD conversations, agents accepting them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { ApiClient } from './api-process.mjs';
import { latencyPercentiles } from './stats.mjs';

/** ABCD flows onto the demo `category` field, as a pre-chat survey would ask for it. */
const CATEGORY_OF_FLOW = { product_defect: 'returns', shipping_issue: 'shipping', storewide_query: 'product', account_access: 'account', manage_account: 'account', purchase_dispute: 'billing', subscription_inquiry: 'billing', order_issue: 'shipping' };

/** The distinct ABCD conversations as `{ id, category, customer, turns: [{ sender, text }] }`. */
export function loadConversations(folder) {
  const byId = new Map();
  for (const file of ['abcd-sample.json', 'abcd-more-examples.json']) {
    for (const conversation of JSON.parse(readFileSync(join(folder, file), 'utf8'))) {
      const { personal, flow } = conversation.scenario;
      const turns = conversation.original.filter(([sender]) => sender === 'customer' || sender === 'agent').map(([sender, text]) => ({ sender, text: String(text).trim() })).filter((turn) => turn.text);
      byId.set(conversation.convo_id, { id: conversation.convo_id, category: CATEGORY_OF_FLOW[flow] ?? 'product', customer: { name: personal.customer_name, email: personal.email }, turns });
    }
  }
  return [...byId.values()];
}

function connectSocket(url, auth) {
  const socket = io(url, { path: '/api/socket.io', transports: ['websocket'], auth, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket.io connection timed out after 10 s')), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`socket.io connection refused: ${error.message}`));
    });
  });
}

function emitWithAck(socket, event, payload) {
  return socket.timeout(15_000).emitWithAck(event, payload);
}

/** Agent users (created once per API), each signed in over REST and connected to the realtime channel. */
export async function connectAgents(url, admin, count) {
  const agents = [];
  for (let index = 0; index < count; index += 1) {
    const email = `bench-agent-${index + 1}@bench.autocase.test`;
    const password = 'bench-agent-password';
    await admin.post('/api/admin/users', { email, password, role: 'agent', displayName: `Bench agent ${index + 1}` }).catch((error) => {
      if (!/409|exists/i.test(error.message)) throw error;
    });
    const client = await ApiClient.login(url, email, password);
    const socket = await connectSocket(url, { token: client.token });
    agents.push({ client, socket });
  }
  return agents;
}

/** Resolves when any agent socket sees `event` for the conversation (or after `timeoutMs` with null). */
function eventWatcher(agents, event) {
  const waiting = new Map();
  const seen = new Map();
  for (const { socket } of agents) {
    socket.on(event, (payload) => {
      const at = performance.now();
      const id = payload?.conversationId;
      if (!id || seen.has(id)) return;
      seen.set(id, at);
      waiting.get(id)?.(at);
    });
  }
  return (conversationId, timeoutMs) =>
    seen.has(conversationId)
      ? Promise.resolve(seen.get(conversationId))
      : new Promise((resolve) => {
          const timer = setTimeout(() => resolve(null), timeoutMs);
          waiting.set(conversationId, (at) => {
            clearTimeout(timer);
            resolve(at);
          });
        });
}

/**
 * One chat run: `customers` concurrent customers, each taking an ABCD conversation (round-robin),
 * accepted by an agent; the whole conversation is exchanged, then "Update from conversation" and end.
 */
export async function runChatOnce({ url, agents, conversations, customers, runLabel }) {
  const waitForWaiting = eventWatcher(agents, 'conversation.waiting');
  const waitForCaseCreated = eventWatcher(agents, 'case.created');
  let deliveries = 0;
  let firstMessageAt = Infinity;
  let lastDeliveryAt = 0;
  const countDelivery = () => {
    deliveries += 1;
    lastDeliveryAt = performance.now();
  };
  for (const { socket } of agents) socket.on('conversation.message', countDelivery);

  const acceptToCase = [];
  const acceptHttp = [];
  const updateFromConversation = [];
  const messageAcks = [];
  const problems = [];
  let sentMessages = 0;
  const customerSockets = [];

  async function oneCustomer(index) {
    const script = conversations[index % conversations.length];
    const agent = agents[index % agents.length];
    const anonymous = new ApiClient(url);
    const [opening, ...rest] = script.turns.filter((turn, position) => !(position === 0 && turn.sender === 'agent'));
    const started = await anonymous.post('/api/chat/conversations', {
      customer: { name: script.customer.name, email: script.customer.email ? `${runLabel}.${index}.${script.customer.email}` : `customer.${runLabel}.${index}@bench.autocase.test` },
      context: { question: opening.text, category: script.category },
    });
    const customerSocket = await connectSocket(url, { conversationId: started.id, conversationToken: started.conversationToken });
    customerSockets.push(customerSocket);
    customerSocket.on('conversation.message', countDelivery);
    await waitForWaiting(started.id, 10_000);

    const acceptStarted = performance.now();
    const caseEvent = waitForCaseCreated(started.id, 15_000);
    const accepted = await agent.client.post(`/api/conversations/${started.id}/accept`);
    acceptHttp.push(performance.now() - acceptStarted);
    const caseCreatedAt = await caseEvent;
    if (!accepted.caseOutcome?.created) problems.push(`conversation ${index}: no case on accept (${accepted.caseOutcome?.message ?? 'no outcome'})`);
    else if (caseCreatedAt === null) problems.push(`conversation ${index}: case.created was not received within 15 s`);
    else acceptToCase.push(caseCreatedAt - acceptStarted);

    for (const turn of rest) {
      const sentAt = performance.now();
      firstMessageAt = Math.min(firstMessageAt, sentAt);
      const ack = turn.sender === 'customer' ? await emitWithAck(customerSocket, 'message', { text: turn.text }) : await emitWithAck(agent.socket, 'message', { conversationId: started.id, text: turn.text });
      if (!ack?.ok) problems.push(`conversation ${index}: message refused (${JSON.stringify(ack?.error ?? ack).slice(0, 200)})`);
      messageAcks.push(performance.now() - sentAt);
      sentMessages += 1;
    }
    const caseId = accepted.caseOutcome?.caseId;
    if (caseId) {
      const updateStarted = performance.now();
      await agent.client.post(`/api/cases/${caseId}/update-from-conversation`);
      updateFromConversation.push(performance.now() - updateStarted);
    }
    await agent.client.post(`/api/conversations/${started.id}/end`);
  }

  const startedAt = performance.now();
  const results = await Promise.allSettled(Array.from({ length: customers }, (_, index) => oneCustomer(index)));
  const finishedAt = performance.now();
  for (const result of results) if (result.status === 'rejected') problems.push(result.reason.message);
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const socket of customerSockets) socket.disconnect();
  for (const { socket } of agents) socket.removeAllListeners('conversation.message').removeAllListeners('conversation.waiting').removeAllListeners('case.created');
  const exchangeMs = Math.max(lastDeliveryAt, finishedAt) - Math.min(firstMessageAt, finishedAt);
  if (acceptToCase.length === 0) throw new Error(`no case was created on accept in the chat run: ${problems.slice(0, 5).join('; ')}`);
  return {
    customers,
    agents: agents.length,
    seconds: (finishedAt - startedAt) / 1000,
    acceptToCaseCreatedMs: latencyPercentiles(acceptToCase),
    acceptHttpMs: latencyPercentiles(acceptHttp),
    updateFromConversationMs: updateFromConversation.length ? latencyPercentiles(updateFromConversation) : null,
    messageAckMs: messageAcks.length ? latencyPercentiles(messageAcks) : null,
    sentMessages,
    deliveries,
    sentPerSecond: sentMessages / (exchangeMs / 1000),
    fanOutPerSecond: deliveries / (exchangeMs / 1000),
    problems,
  };
}
