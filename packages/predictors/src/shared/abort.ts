import { PluginError } from '@autocase/core';

/** Throws when the caller has given up on the answer. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  if (PluginError.is(signal.reason) || signal.reason instanceof Error) throw signal.reason;
  throw new PluginError('TIMEOUT', 'prediction aborted by the caller', { cause: signal.reason });
}
