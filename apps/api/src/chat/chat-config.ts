import { z } from 'zod';

const wholeNumber = (what: string) => z.coerce.number({ error: `must be a whole number of ${what}` }).int(`must be a whole number of ${what}`);

const ChatEnvironmentSchema = z.object({
  /** How long accepting a chat waits for its case to be created before finishing it in a queued job. */
  CHAT_ACCEPT_CASE_TIMEOUT_MS: wholeNumber('milliseconds').min(0).max(600_000).default(2000),
  /** Attempts of a queued chat case work (accept, wrap-up, end) before it fails for good. */
  CHAT_CASE_WORK_ATTEMPTS: wholeNumber('attempts').min(1).max(20).default(5),
  /** First retry delay of a chat case work; doubles each attempt. */
  CHAT_CASE_WORK_BACKOFF_MS: wholeNumber('milliseconds').min(0).max(600_000).default(1000),
});

export interface ChatConfig {
  acceptCaseTimeoutMs: number;
  caseWorkAttempts: number;
  caseWorkBackoffMs: number;
}

/** Live chat settings from the environment (CHAT_*); throws naming every bad variable. */
export function loadChatConfig(environment: Record<string, string | undefined>): ChatConfig {
  const parsed = ChatEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new Error(`Invalid chat configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(environment[String(issue.path[0])])})`).join('; ')}`);
  }
  return { acceptCaseTimeoutMs: parsed.data.CHAT_ACCEPT_CASE_TIMEOUT_MS, caseWorkAttempts: parsed.data.CHAT_CASE_WORK_ATTEMPTS, caseWorkBackoffMs: parsed.data.CHAT_CASE_WORK_BACKOFF_MS };
}
