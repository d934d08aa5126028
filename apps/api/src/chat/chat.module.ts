import { Module } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/core';
import type { Clock } from '@autocase/core';
import { AuthModule } from '../auth/auth.module.js';
import { registerPersistence } from '../persistence/orm.js';
import { CLOCK, MIKRO_ORM } from '../tokens.js';
import { AgentConversationsController } from './agent-conversations.controller.js';
import { CaseUpdateFromConversationController } from './case-update-from-conversation.controller.js';
import { ChatCaseJobs } from './chat-case-jobs.js';
import { ChatGateway } from './chat-gateway.js';
import { CHAT_MIGRATIONS, ConversationTokenEntity } from './conversation-token-entity.js';
import { ConversationTokenStore } from './conversation-token-store.js';
import { CustomerChatController } from './customer-chat.controller.js';
import { RealtimeRooms } from './realtime-rooms.js';

registerPersistence({ entities: [ConversationTokenEntity], migrations: CHAT_MIGRATIONS });

/**
 * Live chat: the customer's REST API (conversation token), the agents' conversation API,
 * "Update from conversation", the socket.io gateway at /api/socket.io, and the queued case work
 * of wrap-up and end.
 */
@Module({
  imports: [AuthModule],
  controllers: [CustomerChatController, AgentConversationsController, CaseUpdateFromConversationController],
  providers: [
    { provide: ConversationTokenStore, inject: [MIKRO_ORM, CLOCK], useFactory: (orm: MikroORM, clock: Clock) => new ConversationTokenStore(orm, clock) },
    RealtimeRooms,
    ChatGateway,
    ChatCaseJobs,
  ],
})
export class ChatModule {}
