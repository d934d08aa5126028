/** Minimal structured logger handed to plugins. */
export interface PluginLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/**
 * Everything a plugin may use from its host. Plugins never read `process.env`,
 * never open their own timers for business time, and use `fetch` from here so hosts and
 * tests can intercept network calls.
 */
export interface PluginContext {
  logger: PluginLogger;
  fetch: typeof globalThis.fetch;
  /** Current time; injectable for tests. */
  now(): Date;
  /** Aborted when the host shuts down. */
  signal: AbortSignal;
}
