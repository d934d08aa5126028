import { describe, expect, it } from 'vitest';
import { loadChatConfig } from './chat-config.js';

describe('loadChatConfig', () => {
  it('defaults to a 2 s accept bound and five attempts a second apart', () => {
    expect(loadChatConfig({})).toEqual({ acceptCaseTimeoutMs: 2000, caseWorkAttempts: 5, caseWorkBackoffMs: 1000, bots: [], agentsMayTakeOver: false });
  });

  it('reads the CHAT_ variables', () => {
    expect(loadChatConfig({ CHAT_ACCEPT_CASE_TIMEOUT_MS: '500', CHAT_CASE_WORK_ATTEMPTS: '2', CHAT_CASE_WORK_BACKOFF_MS: '0' })).toMatchObject({ acceptCaseTimeoutMs: 500, caseWorkAttempts: 2, caseWorkBackoffMs: 0 });
  });

  it('reads the bots allowed to escalate and the takeover rule', () => {
    expect(loadChatConfig({ CHAT_BOT_KEYS: 'faq-bot:0123456789abcdef01234567, sales.bot:abcdefghijklmnopqrstuvwxyz', CHAT_AGENTS_MAY_TAKE_OVER: 'true' })).toMatchObject({
      bots: [{ id: 'faq-bot', key: '0123456789abcdef01234567' }, { id: 'sales.bot', key: 'abcdefghijklmnopqrstuvwxyz' }],
      agentsMayTakeOver: true,
    });
    expect(() => loadChatConfig({ CHAT_BOT_KEYS: 'faq-bot:short' })).toThrow(/CHAT_BOT_KEYS: must be a comma list of <bot id>:<key>/);
  });

  it('names the bad variable and value', () => {
    expect(() => loadChatConfig({ CHAT_ACCEPT_CASE_TIMEOUT_MS: 'soon', CHAT_CASE_WORK_ATTEMPTS: '0' })).toThrow(
      /CHAT_ACCEPT_CASE_TIMEOUT_MS: must be a whole number of milliseconds \(got "soon"\); CHAT_CASE_WORK_ATTEMPTS: .* \(got "0"\)/,
    );
  });
});
