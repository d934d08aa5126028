import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ConflictError, conversationCaseTitle, createManualCase, NotFoundError, postMessage, wrapUpConversation, type CaseEngineDeps, type Conversation,
} from '@autocase/core';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth-decorators.js';
import type { User, UserRepository } from '../auth/user.js';
import { toCaseView, type CaseView } from '../cases/case-view.js';
import { ApiZodBody, ApiZodQuery } from '../http/api-zod-body.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, CASE_ENGINE, USER_REPOSITORY } from '../tokens.js';
import { conversationActor } from './conversation-actor.js';
import { ChatCaseJobs } from './chat-case-jobs.js';
import { ConversationCaseSchema, ConversationListQuerySchema, MessageBodySchema } from './chat-schemas.js';
import { agentChatName } from './agent-chat-name.js';
import {
  toCaseOutcomeView, toConversationSummary, toConversationView, toMessageView, type CaseOutcomeView, type ConversationSummaryView, type ConversationView, type MessageView,
} from './conversation-views.js';

/** A transition whose case work was queued; agents get `conversation.case-work` when it finished. */
export interface QueuedTransitionView {
  conversation: ConversationView;
  caseWork: { queued: true; jobId: string };
}

function actorName(user: User): string {
  return user.displayName ?? user.email;
}

/** The agent's side of a live chat. Thin: every rule lives in core's use cases. */
@ApiTags('conversations (agent)')
@ApiBearerAuth()
@Roles('agent', 'admin')
@Controller('conversations')
export class AgentConversationsController {
  constructor(
    @Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps,
    @Inject(ChatCaseJobs) private readonly jobs: ChatCaseJobs,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiZodQuery(ConversationListQuerySchema)
  async list(@Query(new ZodValidationPipe(ConversationListQuerySchema, 'query')) query: z.infer<typeof ConversationListQuerySchema>, @CurrentUser() user: User): Promise<{ items: ConversationSummaryView[]; total: number }> {
    const items = await this.engine.conversations.list({ state: query.state, agentId: query.mine === 'true' ? user.id : undefined });
    return { items: items.map(toConversationSummary), total: items.length };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ConversationView> {
    return toConversationView(await this.requireConversation(id));
  }

  /**
   * Accepts a waiting conversation; with enough context its case is created now (and `case.created`
   * is sent) — or, when that takes longer than CHAT_ACCEPT_CASE_TIMEOUT_MS, in a queued job
   * (`caseOutcome.reason: 'deferred'`, `caseWork.jobId`; `case.created` and `conversation.case-work` follow).
   */
  @Post(':id/accept')
  @HttpCode(200)
  async accept(@Param('id') id: string, @CurrentUser() user: User): Promise<{ conversation: ConversationView; caseOutcome: CaseOutcomeView; caseWork?: { queued: true; jobId: string } }> {
    const result = await this.jobs.acceptConversation(id, user.id).catch((error: unknown) => this.nameTheAcceptingAgent(error, user));
    return { conversation: toConversationView(result.conversation), caseOutcome: toCaseOutcomeView(result.caseOutcome), ...(result.caseWork ? { caseWork: result.caseWork } : {}) };
  }

  @Post(':id/messages')
  @HttpCode(201)
  @ApiZodBody(MessageBodySchema)
  async postMessage(@Param('id') id: string, @Body(new ZodValidationPipe(MessageBodySchema)) body: { text: string }, @CurrentUser() user: User): Promise<MessageView> {
    return toMessageView(await postMessage(this.engine, { conversationId: id, sender: 'agent', senderName: agentChatName(user), text: body.text, actor: conversationActor(user, this.config) }));
  }

  /** Moves to wrap-up; the case is then created (none yet) or updated in a queued job. Only the accepting agent or a supervisor (admin). */
  @Post(':id/wrap-up')
  @HttpCode(200)
  async wrapUp(@Param('id') id: string, @CurrentUser() user: User): Promise<QueuedTransitionView> {
    const result = await wrapUpConversation(this.engine, { conversationId: id, deferCaseWork: true, actor: conversationActor(user, this.config) });
    const jobId = await this.jobs.queueWrapUpWork(id);
    return { conversation: toConversationView(result.conversation), caseWork: { queued: true, jobId } };
  }

  /** Ends the conversation (again is harmless); case creation and the summary note run in a queued job. Only the accepting agent or a supervisor (admin). */
  @Post(':id/end')
  @HttpCode(200)
  async end(@Param('id') id: string, @CurrentUser() user: User): Promise<QueuedTransitionView & { alreadyEnded: boolean }> {
    const result = await this.jobs.endConversation(id, conversationActor(user, this.config));
    return { conversation: toConversationView(result.conversation), alreadyEnded: result.alreadyEnded, caseWork: { queued: true, jobId: result.jobId } };
  }

  /** The agent's "New case" for this conversation; a conversation never gets a second case (409 naming the existing one). */
  @Post(':id/case')
  @ApiZodBody(ConversationCaseSchema)
  async createCase(@Param('id') id: string, @Body(new ZodValidationPipe(ConversationCaseSchema)) body: z.infer<typeof ConversationCaseSchema>, @CurrentUser() user: User): Promise<CaseView> {
    const conversation = await this.requireConversation(id);
    const created = await createManualCase(this.engine, {
      actorId: user.id,
      actorName: actorName(user),
      title: body.title ?? conversationCaseTitle(conversation),
      status: body.status,
      fields: body.fields,
      conversationId: conversation.id,
      contactEmail: conversation.customer.email ?? null,
    });
    return toCaseView(created);
  }

  /** Two agents raced (or one was late): the 409 names who has the conversation. */
  private async nameTheAcceptingAgent(error: unknown, user: User): Promise<never> {
    const agentId = error instanceof ConflictError ? (error.details as { agentId?: unknown } | undefined)?.agentId : undefined;
    if (typeof agentId !== 'string') throw error;
    const holder = agentId === user.id ? user : await this.users.get(agentId);
    const name = agentId === user.id ? 'you' : holder ? actorName(holder) : `agent ${agentId}`;
    throw new ConflictError(`This conversation was already accepted by ${name}`, { agentId, agentName: holder ? actorName(holder) : null });
  }

  private async requireConversation(id: string): Promise<Conversation> {
    const conversation = await this.engine.conversations.get(id);
    if (!conversation) throw new NotFoundError('conversation', id);
    return conversation;
  }
}
