import type { ResolvedCasePolicy } from '../domain/arc-rule.js';
import type { Case } from '../domain/case.js';
import type { CorrelationMethod, ParsedEmail } from '../domain/email.js';
import type { EmailRepository, OutboundMailLog } from '../ports/email-ports.js';
import type { CaseRepository } from '../ports/repositories.js';
import { findTrackingToken } from './process-inbound-email-tracking-token.js';

export interface ThreadMatch {
  caseId: string;
  correlation: Exclude<CorrelationMethod, 'none'>;
  /** The Message-ID or token that matched. */
  matchedOn: string;
}

export interface ThreadingPorts {
  emails: Pick<EmailRepository, 'findByMessageIds'>;
  outboundLog: Pick<OutboundMailLog, 'findByMessageIds'>;
  cases: Pick<CaseRepository, 'getByNumber'>;
}

/** Case ids of the messages (received or sent by us) with these Message-IDs, by Message-ID. */
async function casesByMessageId(ports: ThreadingPorts, messageIds: string[], excludeEmailId: string | null): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (messageIds.length === 0) return found;
  const [received, sent] = await Promise.all([ports.emails.findByMessageIds(messageIds), ports.outboundLog.findByMessageIds(messageIds)]);
  for (const record of sent) if (record.caseId && !found.has(record.messageId)) found.set(record.messageId, record.caseId);
  for (const email of received) {
    if (email.id === excludeEmailId || !email.caseId || !email.messageId || found.has(email.messageId)) continue;
    found.set(email.messageId, email.caseId);
  }
  return found;
}

/**
 * The case an email replies to: its In-Reply-To, then its References (newest first) against the
 * Message-IDs we received and sent, then a tracking token in the subject.
 */
export async function findThreadCase(
  ports: ThreadingPorts,
  email: Pick<ParsedEmail, 'messageId' | 'inReplyTo' | 'references' | 'subject'>,
  options: { excludeEmailId?: string | null; tokenPrefix?: string } = {},
): Promise<ThreadMatch | null> {
  const ownId = email.messageId;
  const inReplyTo = email.inReplyTo.filter((id) => id !== ownId);
  const references = [...email.references].reverse().filter((id) => id !== ownId && !inReplyTo.includes(id));
  const caseIds = await casesByMessageId(ports, [...inReplyTo, ...references], options.excludeEmailId ?? null);
  for (const id of inReplyTo) {
    const caseId = caseIds.get(id);
    if (caseId) return { caseId, correlation: 'in-reply-to', matchedOn: id };
  }
  for (const id of references) {
    const caseId = caseIds.get(id);
    if (caseId) return { caseId, correlation: 'references', matchedOn: id };
  }
  const caseNumber = findTrackingToken(email.subject, options.tokenPrefix ?? 'CAS');
  if (caseNumber) {
    const found = await ports.cases.getByNumber(caseNumber);
    if (found) return { caseId: found.id, correlation: 'token', matchedOn: caseNumber };
  }
  return null;
}

export type ResolvedCaseDecision =
  | { action: 'attach'; reopen: boolean }
  | { action: 'new-linked-case'; reason: string };

/** What a follow-up does to its case: attach (reopening a recently resolved one), or open a new linked case. */
export function decideForFollowUp(caseRecord: Pick<Case, 'status' | 'resolvedAt' | 'updatedAt' | 'number'>, policy: ResolvedCasePolicy, now: Date): ResolvedCaseDecision {
  if (caseRecord.status !== 'resolved' && caseRecord.status !== 'closed') return { action: 'attach', reopen: false };
  const resolvedAt = Date.parse(caseRecord.resolvedAt ?? caseRecord.updatedAt);
  const hoursSince = (now.getTime() - resolvedAt) / 3_600_000;
  if (Number.isFinite(hoursSince) && hoursSince <= policy.windowHours) return { action: 'attach', reopen: policy.reopen };
  return {
    action: 'new-linked-case',
    reason: `case ${caseRecord.number} was resolved ${Math.floor(hoursSince)} h ago, more than the ${policy.windowHours} h window`,
  };
}
