import { DomainError, PluginError } from '@autocase/core';

export interface RetryDecision {
  retry: boolean;
  delayMs: number;
  reason: string;
}

/**
 * Whether a failed job runs again: retryable PluginErrors (TEMPORARY, RATE_LIMITED, TIMEOUT)
 * and unexpected errors (a database hiccup) are retried with exponential backoff until the
 * attempts run out; non-retryable PluginErrors (AUTH, INVALID_INPUT, …) and DomainErrors give up at once.
 */
export function decideRetry(error: unknown, attempt: number, maxAttempts: number, baseBackoffMs: number): RetryDecision {
  const backoff = baseBackoffMs * 2 ** Math.max(attempt - 1, 0);
  if (PluginError.is(error)) {
    if (!error.retryable) return { retry: false, delayMs: 0, reason: `plugin error ${error.code} is not retryable` };
    if (attempt >= maxAttempts) return { retry: false, delayMs: 0, reason: `gave up after ${attempt} attempts` };
    return { retry: true, delayMs: Math.max(backoff, error.retryAfterMs ?? 0), reason: `plugin error ${error.code}` };
  }
  if (error instanceof DomainError) return { retry: false, delayMs: 0, reason: `domain error ${error.code} is not retryable` };
  if (attempt >= maxAttempts) return { retry: false, delayMs: 0, reason: `gave up after ${attempt} attempts` };
  return { retry: true, delayMs: backoff, reason: 'unexpected error' };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
