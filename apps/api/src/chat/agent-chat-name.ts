import type { User } from '../auth/user.js';

/** What customers see for an agent without a display name: never the agent's login email. */
export const DEFAULT_AGENT_CHAT_NAME = 'Support agent';

/** The name customers see on an agent's messages and typing indicator. */
export function agentChatName(user: Pick<User, 'displayName'>): string {
  return user.displayName?.trim() || DEFAULT_AGENT_CHAT_NAME;
}
