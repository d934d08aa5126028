import { describe, expect, it } from 'vitest';
import { loadChatConfig } from './chat-config.js';

describe('loadChatConfig', () => {
  it('defaults to a 2 s accept bound and five attempts a second apart', () => {
    expect(loadChatConfig({})).toEqual({ acceptCaseTimeoutMs: 2000, caseWorkAttempts: 5, caseWorkBackoffMs: 1000 });
  });

  it('reads the CHAT_ variables', () => {
    expect(loadChatConfig({ CHAT_ACCEPT_CASE_TIMEOUT_MS: '500', CHAT_CASE_WORK_ATTEMPTS: '2', CHAT_CASE_WORK_BACKOFF_MS: '0' })).toEqual({ acceptCaseTimeoutMs: 500, caseWorkAttempts: 2, caseWorkBackoffMs: 0 });
  });

  it('names the bad variable and value', () => {
    expect(() => loadChatConfig({ CHAT_ACCEPT_CASE_TIMEOUT_MS: 'soon', CHAT_CASE_WORK_ATTEMPTS: '0' })).toThrow(
      /CHAT_ACCEPT_CASE_TIMEOUT_MS: must be a whole number of milliseconds \(got "soon"\); CHAT_CASE_WORK_ATTEMPTS: .* \(got "0"\)/,
    );
  });
});
