import { PluginError, type PluginLogger } from '@autocase/core';
import { toPluginError } from './llm-errors.js';

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` with a per-attempt timeout, retrying RATE_LIMITED and TEMPORARY failures
 * with exponential backoff (or the server's Retry-After, when longer). The caller's signals
 * abort everything at once.
 */
export async function callWithRetries<T>(
  what: string,
  policy: RetryPolicy,
  signals: AbortSignal[],
  logger: PluginLogger,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<{ value: T; attempts: number }> {
  const caller = AbortSignal.any(signals);
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    if (caller.aborted) throw caller.reason instanceof Error ? caller.reason : new PluginError('TIMEOUT', `${what}: aborted by the caller`);
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    try {
      return { value: await attempt(AbortSignal.any([caller, timeout])), attempts: attemptNumber };
    } catch (error) {
      if (caller.aborted) throw caller.reason instanceof Error ? caller.reason : new PluginError('TIMEOUT', `${what}: aborted by the caller`, { cause: error });
      if (timeout.aborted) throw new PluginError('TIMEOUT', `${what}: no answer within ${policy.timeoutMs} ms`, { cause: error });
      const failure = toPluginError(error, what);
      const retryable = failure.code === 'RATE_LIMITED' || failure.code === 'TEMPORARY';
      if (!retryable || attemptNumber >= policy.maxAttempts) throw failure;
      const delay = Math.max(policy.backoffMs * 2 ** (attemptNumber - 1), failure.retryAfterMs ?? 0);
      logger.warn(`${what}: attempt ${attemptNumber} failed (${failure.code}); retrying in ${delay} ms`, { code: failure.code, attempt: attemptNumber });
      await sleep(delay, caller);
    }
  }
}
