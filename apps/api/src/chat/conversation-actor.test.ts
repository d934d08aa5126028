import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import type { User } from '../auth/user.js';
import { conversationActor } from './conversation-actor.js';

const user = (role: User['role']): User => ({ id: `${role}-1`, email: `${role}@example.com`, displayName: null, role, disabled: false, createdAt: '', updatedAt: '' });

describe('conversationActor', () => {
  it('lets admins act on others’ chats and agents only when CHAT_AGENTS_MAY_TAKE_OVER is set', () => {
    const strict = loadConfig({});
    expect(conversationActor(user('admin'), strict)).toEqual({ id: 'admin-1', mayActOnOthersChats: true });
    expect(conversationActor(user('agent'), strict)).toEqual({ id: 'agent-1', mayActOnOthersChats: false });
    expect(conversationActor(user('agent'), loadConfig({ CHAT_AGENTS_MAY_TAKE_OVER: 'true' })).mayActOnOthersChats).toBe(true);
  });
});
