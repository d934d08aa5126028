import type { ConversationActor } from '@autocase/core';
import type { User } from '../auth/user.js';
import type { AppConfig } from '../config/app-config.js';

/**
 * The signed-in user as core's conversation actor: admins act as supervisors (they may reply in,
 * wrap up and end any accepted chat); agents only in their own, unless CHAT_AGENTS_MAY_TAKE_OVER.
 */
export function conversationActor(user: User, config: AppConfig): ConversationActor {
  return { id: user.id, mayActOnOthersChats: user.role === 'admin' || (config.chat?.agentsMayTakeOver ?? false) };
}
