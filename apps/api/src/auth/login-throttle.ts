/** Failed sign-ins an account may have before each further attempt waits. */
export const FREE_LOGIN_FAILURES = 5;
const FIRST_LOCKOUT_MS = 30_000;
const MAX_LOCKOUT_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
export const LOGIN_FAILURE_MEMORY_MS = 24 * 60 * 60_000;

/**
 * How long an account waits after its `failures`-th failed sign-in in a row: nothing for the first
 * five, then 30 s, doubling with each further failure, at most 15 minutes.
 */
export function lockoutMs(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0;
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (failures - FREE_LOGIN_FAILURES));
}

/** Milliseconds until the account may try again (0: now), from its failure count and the time of its last failure. */
export function waitBeforeNextLogin(state: { failures: number; lastFailureAt: string } | null, now: Date): number {
  if (!state) return 0;
  const since = now.getTime() - Date.parse(state.lastFailureAt);
  if (since >= LOGIN_FAILURE_MEMORY_MS) return 0;
  return Math.max(0, lockoutMs(state.failures) - since);
}

/** Failed sign-ins per account email, shared by every API process through the database. */
export interface LoginFailureStore {
  get(email: string): Promise<{ failures: number; lastFailureAt: string } | null>;
  /** Counts one failure (starting again when the last one is forgotten); returns the new count. */
  recordFailure(email: string, at: Date): Promise<number>;
  clear(email: string): Promise<void>;
}
