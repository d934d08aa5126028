/**
 * Typed failure codes a plugin may raise. The job queue maps them to retry or give-up:
 * `TEMPORARY` and `RATE_LIMITED` are retried with backoff; the others are not.
 */
export const PLUGIN_ERROR_CODES = ['TEMPORARY', 'RATE_LIMITED', 'AUTH', 'INVALID_INPUT', 'INVALID_CONFIG', 'TIMEOUT', 'INTERNAL'] as const;
export type PluginErrorCode = (typeof PLUGIN_ERROR_CODES)[number];

export class PluginError extends Error {
  readonly code: PluginErrorCode;
  readonly retryAfterMs: number | undefined;
  constructor(code: PluginErrorCode, message: string, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'PluginError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
  }
  /** Whether the queue should retry the work that raised this error. */
  get retryable(): boolean {
    return this.code === 'TEMPORARY' || this.code === 'RATE_LIMITED' || this.code === 'TIMEOUT';
  }
  static is(error: unknown): error is PluginError {
    return error instanceof PluginError || (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'PluginError');
  }
}
