import { Inject, Injectable, UnauthorizedException, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConversationTokenStore } from './conversation-token-store.js';

/**
 * The customer's routes of one conversation (`:id`) need its conversation token in
 * X-Conversation-Token. A guard, so a wrong or missing token is refused (401) before the body
 * is even read.
 */
@Injectable()
export class ConversationTokenGuard implements CanActivate {
  constructor(@Inject(ConversationTokenStore) private readonly tokens: ConversationTokenStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ params: Record<string, string | undefined>; headers: Record<string, string | string[] | undefined> }>();
    const token = request.headers['x-conversation-token'];
    const conversationId = request.params.id;
    if (typeof token !== 'string' || !token) throw new UnauthorizedException('send the conversationToken returned when the chat started in the X-Conversation-Token header');
    if (!conversationId || !(await this.tokens.verify(conversationId, token))) throw new UnauthorizedException('conversation token does not match this conversation');
    return true;
  }
}

export const RequireConversationToken = (): MethodDecorator & ClassDecorator => UseGuards(ConversationTokenGuard);
