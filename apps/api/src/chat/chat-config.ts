import { z } from 'zod';

const wholeNumber = (what: string) => z.coerce.number({ error: `must be a whole number of ${what}` }).int(`must be a whole number of ${what}`);

const ChatEnvironmentSchema = z.object({
  /** How long accepting a chat waits for its case to be created before finishing it in a queued job. */
  CHAT_ACCEPT_CASE_TIMEOUT_MS: wholeNumber('milliseconds').min(0).max(600_000).default(2000),
  /** Attempts of a queued chat case work (accept, wrap-up, end) before it fails for good. */
  CHAT_CASE_WORK_ATTEMPTS: wholeNumber('attempts').min(1).max(20).default(5),
  /** First retry delay of a chat case work; doubles each attempt. */
  CHAT_CASE_WORK_BACKOFF_MS: wholeNumber('milliseconds').min(0).max(600_000).default(1000),
  /** Escalating bots allowed to hand over bot and system lines: comma list of `<bot id>:<key>` (key ≥ 24 characters), sent as X-Bot-Key. */
  CHAT_BOT_KEYS: z
    .string()
    .optional()
    .transform((value, context) => {
      const bots: { id: string; key: string }[] = [];
      for (const entry of (value ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
        const separator = entry.indexOf(':');
        const id = entry.slice(0, separator).trim();
        const key = entry.slice(separator + 1).trim();
        if (separator < 1 || !/^[a-zA-Z0-9._-]{1,100}$/.test(id) || key.length < 24) {
          context.addIssue({ code: 'custom', message: 'must be a comma list of <bot id>:<key>, ids of letters, digits, ".", "_" or "-", keys of at least 24 characters (e.g. `faq-bot:$(openssl rand -base64 32)`)' });
          return z.NEVER;
        }
        bots.push({ id, key });
      }
      return bots;
    }),
  /** Whether an agent may post into, wrap up or end a chat another agent accepted (admins always may). */
  CHAT_AGENTS_MAY_TAKE_OVER: z.enum(['true', 'false', '1', '0'], 'must be true or false').default('false').transform((value) => value === 'true' || value === '1'),
});

export interface ChatConfig {
  acceptCaseTimeoutMs: number;
  caseWorkAttempts: number;
  caseWorkBackoffMs: number;
  /** Bots that may escalate with a transcript (CHAT_BOT_KEYS). */
  bots: { id: string; key: string }[];
  /** CHAT_AGENTS_MAY_TAKE_OVER: agents may act on other agents' accepted chats (default false; admins always may). */
  agentsMayTakeOver: boolean;
}

/** Live chat settings from the environment (CHAT_*); throws naming every bad variable. */
export function loadChatConfig(environment: Record<string, string | undefined>): ChatConfig {
  const parsed = ChatEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new Error(`Invalid chat configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(environment[String(issue.path[0])])})`).join('; ')}`);
  }
  return {
    acceptCaseTimeoutMs: parsed.data.CHAT_ACCEPT_CASE_TIMEOUT_MS,
    caseWorkAttempts: parsed.data.CHAT_CASE_WORK_ATTEMPTS,
    caseWorkBackoffMs: parsed.data.CHAT_CASE_WORK_BACKOFF_MS,
    bots: parsed.data.CHAT_BOT_KEYS,
    agentsMayTakeOver: parsed.data.CHAT_AGENTS_MAY_TAKE_OVER,
  };
}
