import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, UnauthorizedException } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { postMessage, startConversation, type CaseEngineDeps, type StartConversationInput } from '@autocase/core';
import { Public } from '../auth/auth-decorators.js';
import { ApiZodBody } from '../http/api-zod-body.js';
import { PublicRateLimit } from '../http/public-rate-limit.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, CASE_ENGINE } from '../tokens.js';
import { resolveEscalatingBot } from './escalating-bot.js';
import { MessageBodySchema, StartConversationSchema, type StartConversationBody } from './chat-schemas.js';
import { ChatCaseJobs } from './chat-case-jobs.js';
import { ConversationTokenStore } from './conversation-token-store.js';
import { RequireConversationToken } from './conversation-token.guard.js';
import { toCustomerConversationView, toMessageView, type CustomerConversationView, type MessageView } from './conversation-views.js';

const QUESTION_KEYS = ['question', 'subject', 'issue'];

/**
 * A pre-chat survey's question is what the customer typed first: when no transcript is handed
 * over, it opens the conversation as the customer's first message, so predictors read it.
 */
export function toStartInput(body: StartConversationBody, escalatingBot: string | null = null): StartConversationInput {
  const messages = body.messages?.map((message) => ({ sender: message.sender, senderName: message.senderName ?? null, text: message.text, at: message.at }));
  const questionKey = Object.keys(body.context ?? {}).find((key) => QUESTION_KEYS.includes(key.toLowerCase()));
  const question = questionKey ? body.context?.[questionKey] : undefined;
  const opening = !messages?.length && typeof question === 'string' && question.trim() ? [{ sender: 'customer' as const, senderName: body.customer?.name?.trim() || null, text: question.trim() }] : messages;
  return { customer: body.customer, context: body.context, messages: opening, escalatingBot: escalatingBot ?? undefined };
}

/** The customer's side of a live chat: no user account, a conversation token instead. Rate-limited per IP. */
@ApiTags('chat (customer)')
@Public()
@PublicRateLimit()
@Controller('chat/conversations')
export class CustomerChatController {
  constructor(
    @Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps,
    @Inject(ConversationTokenStore) private readonly tokens: ConversationTokenStore,
    @Inject(ChatCaseJobs) private readonly caseJobs: ChatCaseJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts a chat (pre-chat survey or bot escalation); the token is returned once — keep it. Only a
   * bot configured in CHAT_BOT_KEYS, sending its key in X-Bot-Key, may hand over bot and system lines.
   */
  @Post()
  @ApiZodBody(StartConversationSchema)
  @ApiHeader({ name: 'X-Bot-Key', required: false, description: 'an escalating bot’s key (CHAT_BOT_KEYS); needed for bot or system lines and a bot origin' })
  async start(@Body(new ZodValidationPipe(StartConversationSchema)) body: StartConversationBody, @Headers('x-bot-key') botKey: string | undefined): Promise<{ id: string; conversationToken: string; state: string }> {
    const bot = resolveEscalatingBot(this.config.chat?.bots ?? [], botKey, body.origin);
    const conversation = await startConversation(this.engine, toStartInput(body, bot));
    const conversationToken = await this.tokens.issue(conversation.id);
    return { id: conversation.id, conversationToken, state: conversation.state };
  }

  @Get(':id')
  @RequireConversationToken()
  @ApiHeader({ name: 'X-Conversation-Token', required: true, description: 'the conversationToken returned when the chat started' })
  async get(@Param('id') id: string): Promise<CustomerConversationView> {
    const conversation = await this.engine.conversations.get(id);
    if (!conversation) throw new UnauthorizedException('conversation token does not match this conversation');
    return toCustomerConversationView(conversation);
  }

  @Post(':id/messages')
  @RequireConversationToken()
  @HttpCode(201)
  @ApiZodBody(MessageBodySchema)
  @ApiHeader({ name: 'X-Conversation-Token', required: true })
  async postMessage(@Param('id') id: string, @Body(new ZodValidationPipe(MessageBodySchema)) body: { text: string }): Promise<MessageView> {
    const conversation = await this.engine.conversations.get(id);
    const message = await postMessage(this.engine, { conversationId: id, sender: 'customer', senderName: conversation?.customer.name ?? null, text: body.text });
    return toMessageView(message);
  }

  /** The customer ends the chat: the same end as an agent's (case creation if there is enough context, summary note, queued); again is harmless. */
  @Post(':id/end')
  @RequireConversationToken()
  @HttpCode(200)
  @ApiHeader({ name: 'X-Conversation-Token', required: true })
  async end(@Param('id') id: string): Promise<CustomerConversationView & { alreadyEnded: boolean }> {
    const ended = await this.caseJobs.endConversation(id);
    return { ...toCustomerConversationView(ended.conversation), alreadyEnded: ended.alreadyEnded };
  }
}
