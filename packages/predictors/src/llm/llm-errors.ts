import { APICallError, NoObjectGeneratedError, RetryError } from 'ai';
import { PluginError } from '@autocase/core';

function retryAfterMs(headers: Record<string, string> | undefined): number | undefined {
  const value = headers?.['retry-after-ms'] ?? headers?.['retry-after'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return headers?.['retry-after-ms'] ? seconds : seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: string }).code;
    if (code && NETWORK_CODES.has(code)) return true;
    if (current instanceof TypeError && /fetch failed|network/i.test(current.message)) return true;
  }
  return false;
}

/** Maps an AI SDK / network failure to a typed plugin error (429 → RATE_LIMITED, 5xx/network → TEMPORARY, 401/403 → AUTH). */
export function toPluginError(error: unknown, what: string): PluginError {
  if (PluginError.is(error)) return error;
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode ?? 0;
    const detail = `${what}: the provider answered ${status || 'without a status'}: ${cause.message}`;
    if (status === 429) return new PluginError('RATE_LIMITED', detail, { cause, retryAfterMs: retryAfterMs(cause.responseHeaders) });
    if (status === 401 || status === 403) return new PluginError('AUTH', `${detail} (check the API key)`, { cause });
    if (status >= 500 || status === 408 || status === 0) return new PluginError('TEMPORARY', detail, { cause });
    if (status === 404) return new PluginError('INVALID_CONFIG', `${detail} (check the model id and baseURL)`, { cause });
    return new PluginError('INVALID_INPUT', detail, { cause });
  }
  if (NoObjectGeneratedError.isInstance(cause)) return new PluginError('TEMPORARY', `${what}: the model's answer did not match the requested structure`, { cause });
  if (isNetworkError(cause)) return new PluginError('TEMPORARY', `${what}: could not reach the provider (${(cause as Error).message})`, { cause });
  return new PluginError('INTERNAL', `${what}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
}
