import { Inject, UnauthorizedException, type OnApplicationShutdown } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import { assertMayActOnConversation, NotFoundError, postMessage, type CaseEngineDeps } from '@autocase/core';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import { AuthService } from '../auth/auth.service.js';
import type { User } from '../auth/user.js';
import type { AppConfig } from '../config/app-config.js';
import type { LocalEventPublisher } from '../events/local-event-publisher.js';
import { toErrorBody, type ErrorBody } from '../http/all-exceptions.filter.js';
import { rejectControlCharacters } from '../http/control-characters.js';
import { describeZodIssues, validationException } from '../http/zod-validation-pipe.js';
import { APP_CONFIG, APP_LOGGER, CASE_ENGINE, EVENT_PUBLISHER } from '../tokens.js';
import { agentChatName } from './agent-chat-name.js';
import { SocketEndSchema, SocketMessageSchema, SocketTypingSchema } from './chat-schemas.js';
import { ConversationTokenStore } from './conversation-token-store.js';
import { FixedWindowLimiter } from './fixed-window-limiter.js';
import { toMessageView, type MessageView } from './conversation-views.js';
import { ChatCaseJobs } from './chat-case-jobs.js';
import { conversationActor } from './conversation-actor.js';
import { RealtimeRooms } from './realtime-rooms.js';
import { AGENTS_ROOM, conversationRoom, realtimeDeliveries, sessionRoom, userRoom } from './realtime-events.js';

/** Who is on the other end of a socket, decided once at the handshake. */
export type SocketIdentity = { kind: 'agent'; user: User; tokenHash: string } | { kind: 'customer'; conversationId: string; name: string | null };

/** How often each process re-checks the sessions of its agent sockets (a revocation that reached no process through Redis is seen by then). */
const SESSION_SWEEP_MS = 15_000;

export type SocketAck<T> = { ok: true } & T | { ok: false; error: ErrorBody };

function identityOf(socket: Socket): SocketIdentity {
  return (socket.data as { identity: SocketIdentity }).identity;
}

function parse<T>(schema: ZodType<T>, value: unknown): T {
  rejectControlCharacters(value);
  const result = schema.safeParse(value);
  if (!result.success) throw validationException(describeZodIssues(result.error));
  return result.data;
}

/**
 * The realtime channel at `/api/socket.io`. Agents connect with `auth: { token }` (their bearer
 * token) and join the agents room; a customer connects with `auth: { conversationId,
 * conversationToken }` and joins that conversation's room. Core's domain events are bridged to
 * the rooms; with REDIS_URL the Redis adapter fans them out across API processes.
 */
@WebSocketGateway({ path: '/api/socket.io', cors: { origin: true } })
export class ChatGateway implements OnGatewayInit<Server>, OnGatewayConnection<Socket>, OnApplicationShutdown {
  private unsubscribe: (() => void) | undefined;
  private unsubscribeRevocations: (() => void) | undefined;
  private sessionSweep: NodeJS.Timeout | undefined;
  private redisClients: Redis[] = [];
  private readonly customerMessages: FixedWindowLimiter;

  constructor(
    @Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps,
    @Inject(EVENT_PUBLISHER) private readonly events: LocalEventPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ConversationTokenStore) private readonly tokens: ConversationTokenStore,
    @Inject(RealtimeRooms) private readonly rooms: RealtimeRooms,
    @Inject(ChatCaseJobs) private readonly caseJobs: ChatCaseJobs,
  ) {
    this.customerMessages = new FixedWindowLimiter(config.publicRateLimitPerMinute);
  }

  afterInit(server: Server): void {
    this.rooms.attach(server);
    if (this.config.redisUrl) {
      const publisher = new Redis(this.config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
      const subscriber = publisher.duplicate();
      for (const client of [publisher, subscriber]) client.on('error', (error) => this.logger.warn({ err: error }, 'socket.io Redis adapter connection error'));
      this.redisClients = [publisher, subscriber];
      server.adapter(createAdapter(publisher, subscriber, { key: 'autocase:socket.io' }));
    }
    server.use((socket, next) => {
      this.authenticate(socket).then(
        (identity) => {
          (socket.data as { identity: SocketIdentity }).identity = identity;
          next();
        },
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
    this.unsubscribe = this.events.subscribe(async (event) => {
      for (const delivery of await realtimeDeliveries(this.engine, event)) this.emit(delivery.room, delivery.event, delivery.payload);
    });
    // disconnectSockets goes through the adapter: with Redis, every API process drops its sockets in that room.
    this.unsubscribeRevocations = this.auth.revocations.subscribe((revocation) => {
      const room = revocation.kind === 'session' ? sessionRoom(revocation.tokenHash) : userRoom(revocation.userId);
      server.in(room).disconnectSockets(true);
    });
    this.sessionSweep = setInterval(() => void this.sweepSessions(server), SESSION_SWEEP_MS);
    this.sessionSweep.unref();
  }

  handleConnection(socket: Socket): void {
    const identity = identityOf(socket);
    if (identity.kind === 'agent') void socket.join([AGENTS_ROOM, userRoom(identity.user.id), sessionRoom(identity.tokenHash)]);
    else void socket.join(conversationRoom(identity.conversationId));
  }

  /** Emits to a room (every process's sockets in it, through the Redis adapter when configured). */
  emit(room: string, event: string, payload: Record<string, unknown>): void {
    this.rooms.emit(room, event, payload);
  }

  /** `message` `{ text }` from a customer, or `{ conversationId, text }` from an agent; acked with the stored message. */
  @SubscribeMessage('message')
  async onMessage(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<SocketAck<{ message: MessageView }>> {
    try {
      const input = parse(SocketMessageSchema, body);
      const identity = await this.currentIdentity(socket);
      if (identity.kind === 'customer' && !this.customerMessages.take(identity.conversationId)) {
        const seconds = Math.ceil(this.customerMessages.retryAfterMs(identity.conversationId) / 1000);
        return { ok: false, error: { statusCode: 429, error: 'Too Many Requests', message: `too many messages: at most ${this.customerMessages.limit} a minute; try again in ${seconds} s`, details: { retryAfterSeconds: seconds } } };
      }
      const message =
        identity.kind === 'customer'
          ? await postMessage(this.engine, { conversationId: identity.conversationId, sender: 'customer', senderName: identity.name, text: input.text })
          : await postMessage(this.engine, {
              conversationId: this.requireConversationId(input.conversationId),
              sender: 'agent',
              senderName: agentChatName(identity.user),
              text: input.text,
              actor: conversationActor(identity.user, this.config),
            });
      return { ok: true, message: toMessageView(message) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  }

  /**
   * `end` `{}` from a customer (their conversation) or `{ conversationId }` from an agent: closes
   * the conversation like `POST …/end` (case creation and summary note queued); acked with the
   * ended state. Everyone in the conversation gets `conversation.updated`.
   */
  @SubscribeMessage('end')
  async onEnd(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<SocketAck<{ conversation: { id: string; state: string; endedAt: string | null }; alreadyEnded: boolean }>> {
    try {
      const input = parse(SocketEndSchema, body ?? {});
      const identity = await this.currentIdentity(socket);
      const conversationId = identity.kind === 'customer' ? identity.conversationId : this.requireConversationId(input.conversationId);
      const ended = await this.caseJobs.endConversation(conversationId, identity.kind === 'agent' ? conversationActor(identity.user, this.config) : undefined);
      const { id, state, endedAt } = ended.conversation;
      return { ok: true, conversation: { id, state, endedAt: endedAt ?? null }, alreadyEnded: ended.alreadyEnded };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  }

  /** `typing` `{ typing }` from a customer (to agents) or `{ conversationId, typing }` from an agent (to the customer). */
  @SubscribeMessage('typing')
  async onTyping(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<SocketAck<Record<never, never>>> {
    try {
      const input = parse(SocketTypingSchema, body);
      const identity = await this.currentIdentity(socket);
      if (identity.kind === 'customer') {
        socket.to(AGENTS_ROOM).emit('typing', { conversationId: identity.conversationId, sender: 'customer', name: identity.name, typing: input.typing });
      } else {
        const conversationId = this.requireConversationId(input.conversationId);
        const conversation = await this.engine.conversations.get(conversationId, { messages: false });
        if (!conversation) throw new NotFoundError('conversation', conversationId);
        assertMayActOnConversation(conversation, conversationActor(identity.user, this.config), 'type in');
        socket.to(conversationRoom(conversationId)).emit('typing', { conversationId, sender: 'agent', name: agentChatName(identity.user), typing: input.typing });
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribeRevocations?.();
    clearInterval(this.sessionSweep);
    await Promise.all(this.redisClients.map((client) => client.quit().catch(() => client.disconnect())));
    this.redisClients = [];
  }

  /**
   * The socket's identity, with an agent's session checked again (the token cache makes this
   * cheap): a logged-out, disabled or deleted session is disconnected and its event refused.
   */
  private async currentIdentity(socket: Socket): Promise<SocketIdentity> {
    const identity = identityOf(socket);
    if (identity.kind !== 'agent') return identity;
    const session = await this.auth.authenticateHash(identity.tokenHash);
    if (!session) {
      // After the refusal's ack has gone out.
      setImmediate(() => socket.disconnect(true));
      throw new UnauthorizedException('your session has ended (logged out, disabled or password reset): log in again');
    }
    const current: SocketIdentity = { kind: 'agent', user: session.user, tokenHash: identity.tokenHash };
    (socket.data as { identity: SocketIdentity }).identity = current;
    return current;
  }

  private async sweepSessions(server: Server): Promise<void> {
    for (const socket of server.of('/').sockets.values()) {
      const identity = identityOf(socket);
      if (identity?.kind !== 'agent') continue;
      const session = await this.auth.authenticateHash(identity.tokenHash).catch(() => undefined);
      if (session === null) socket.disconnect(true);
    }
  }

  private requireConversationId(conversationId: string | undefined): string {
    if (!conversationId) throw validationException([{ path: 'conversationId', message: 'agents name the conversation: { conversationId, ... }' }]);
    return conversationId;
  }

  private async authenticate(socket: Socket): Promise<SocketIdentity> {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    if (typeof auth.token === 'string' && auth.token) {
      const session = await this.auth.authenticate(auth.token);
      if (!session) throw new Error('invalid or expired token: log in again');
      return { kind: 'agent', user: session.user, tokenHash: session.tokenHash };
    }
    if (typeof auth.conversationId === 'string' && typeof auth.conversationToken === 'string') {
      if (!(await this.tokens.verify(auth.conversationId, auth.conversationToken))) throw new Error('conversationToken does not match this conversation');
      const conversation = await this.engine.conversations.get(auth.conversationId);
      if (!conversation) throw new Error(`conversation ${auth.conversationId} not found`);
      return { kind: 'customer', conversationId: conversation.id, name: conversation.customer.name ?? null };
    }
    throw new Error('send auth: { token } (agents) or { conversationId, conversationToken } (customers) when connecting');
  }
}
