import type { Case } from '../domain/case.js';
import type { EmailMessage, ParsedEmail } from '../domain/email.js';
import type { OutboundMailLog } from '../ports/email-ports.js';
import type { AuditRepository, CaseRepository, NoteRepository } from '../ports/repositories.js';
import type { IdGenerator } from '../ports/services.js';

export interface DeliveryFailurePorts {
  outboundLog: OutboundMailLog;
  cases: CaseRepository;
  audit: AuditRepository;
  notes?: NoteRepository;
  ids: IdGenerator;
}

/**
 * A bounce of a message we sent goes on that message's case as a delivery failure (an audit
 * entry and a system note). Returns null when the bounce is not about one of our messages.
 */
export async function attachDeliveryFailure(ports: DeliveryFailurePorts, email: EmailMessage, parsed: ParsedEmail, now: Date): Promise<{ caseRecord: Case; reason: string } | null> {
  const candidates = [parsed.classification.bouncedMessageId, ...parsed.inReplyTo, ...[...parsed.references].reverse()].filter((id): id is string => Boolean(id));
  if (candidates.length === 0) return null;
  const sent = await ports.outboundLog.findByMessageIds(candidates);
  const ours = candidates.map((id) => sent.find((record) => record.messageId === id && record.caseId)).find(Boolean);
  if (!ours?.caseId) return null;
  const caseRecord = await ports.cases.get(ours.caseId);
  if (!caseRecord) return null;
  const reason = `delivery failure: our ${ours.kind} ${ours.messageId} to ${ours.to.join(', ')} bounced (${parsed.classification.signals.join('; ')})`;
  const at = now.toISOString();
  await ports.outboundLog.record({ ...ours, delivery: 'bounced', deliveryError: parsed.classification.signals.join('; ') || 'a delivery failure report came back' });
  await ports.audit.append([{ id: ports.ids.next(), caseId: caseRecord.id, at, action: 'email-linked', actor: { type: 'channel', id: 'email' }, source: 'system', reason }]);
  await ports.notes?.add({ caseId: caseRecord.id, kind: 'system', body: `Delivery failure: ${parsed.subject || 'bounce'} — ${reason}`, authorId: null, dedupeKey: `delivery-failure:${email.id}` });
  return { caseRecord, reason };
}
