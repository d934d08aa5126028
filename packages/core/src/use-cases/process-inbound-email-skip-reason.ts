import type { EmailClassification } from '../domain/email.js';

const NOT_A_CASE = 'no case, no acknowledgement';

/**
 * Why machine mail was set aside, in words an admin reads in the activity monitor: what the
 * message is, that it got no case and no acknowledgement, and the signs that showed it.
 */
export function machineMailSkipReason(classification: EmailClassification): string {
  const signs = classification.signals.length > 0 ? ` Signs: ${classification.signals.join('; ')}.` : '';
  switch (classification.kind) {
    case 'bounce':
      return `Delivery failure notice (bounce) from a mail server, about a message Autocase did not send: ${NOT_A_CASE}.${signs}`;
    case 'report':
      return `Automated report or notice, not written by a person (e.g. a spam complaint or a mailing-list manager's message): ${NOT_A_CASE}.${signs}`;
    case 'auto-reply':
      return `Automatic reply (out-of-office or auto-responder): ${NOT_A_CASE}, so two auto-responders cannot answer each other forever.${signs}`;
    default:
      return `Not written by a person: ${NOT_A_CASE}.${signs}`;
  }
}
