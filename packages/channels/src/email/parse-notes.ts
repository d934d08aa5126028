import type { ProcessInboundEmailDependencies, ProcessInboundEmailResult } from '@autocase/core';

/**
 * Notes about how a message was read that an admin must see beside the outcome (a message
 * without header lines read whole as its body, a binary body left unread). Added to the
 * recorded reason once the email has been processed.
 */
export async function recordParseNotes(deps: Pick<ProcessInboundEmailDependencies, 'emails'>, result: ProcessInboundEmailResult, notes: string[]): Promise<ProcessInboundEmailResult> {
  if (notes.length === 0 || result.alreadyProcessed) return result;
  const reason = [result.email.reason, ...notes].filter(Boolean).join('; ');
  const email = await deps.emails.save({ ...result.email, reason });
  return { ...result, email };
}
