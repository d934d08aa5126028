import type { AuditEntry } from '../domain/audit.js';
import type { Case, CaseFieldState } from '../domain/case.js';
import type { EmailMessage, ParsedEmail } from '../domain/email.js';
import type { FieldDefinition, FieldValue } from '../domain/field-definition.js';
import type { Settings } from '../domain/settings.js';
import { mergePredictions, type AuditEntryDraft } from '../engine/merge-predictions.js';
import type { PredictionRunnerPort } from '../engine/prediction-runner.js';
import type { PredictionMessage } from '../plugins/predictor.js';
import type { PredictionLogRepository } from '../ports/prediction-log.js';
import type { AuditRepository, CaseRepository } from '../ports/repositories.js';
import { runAtomically, type IdGenerator, type UnitOfWork } from '../ports/services.js';
import { hasDomainErrorCode } from '../domain/errors.js';
import { emailOriginKey, type NewCase } from '../domain/case.js';
import { recordPredictionRun } from './conversation-predictions.js';

export interface CaseActionPorts {
  cases: CaseRepository;
  audit: AuditRepository;
  ids: IdGenerator;
  predictions?: PredictionRunnerPort;
  predictionLog?: PredictionLogRepository;
  unitOfWork?: UnitOfWork;
}

export interface EmailCaseContext {
  email: EmailMessage;
  parsed: ParsedEmail;
  fields: FieldDefinition[];
  settings: Settings;
  at: string;
}

/** The email as predictors read it: only what the sender wrote in this message. */
export function emailPredictionInput(email: EmailMessage, parsed: ParsedEmail): { messages: PredictionMessage[]; context: Record<string, string> } {
  const sender = parsed.from?.address ?? '';
  const text = [parsed.subject.trim(), parsed.newText.trim()].filter(Boolean).join('\n\n');
  const context: Record<string, string> = { channel: 'email', subject: parsed.subject, mailbox: email.mailbox };
  if (sender) {
    context.sender = sender;
    context.senderDomain = sender.slice(sender.lastIndexOf('@') + 1);
  }
  if (parsed.from?.name) context.senderName = parsed.from.name;
  return { messages: [{ id: email.id, author: 'customer', text, at: parsed.date ?? email.receivedAt }], context };
}

function stored(ports: CaseActionPorts, caseId: string, drafts: AuditEntryDraft[]): AuditEntry[] {
  return drafts.map((draft) => ({ ...draft, id: ports.ids.next(), caseId }));
}

/**
 * Creates a case from an email: mapped values first (kept), then the predicted fields for email
 * creation. The case (keyed by the email), its audit entries, its prediction log and `link`
 * (the email recording its case) are one unit of work; when the email already created a case
 * (a retry racing an earlier attempt) that case is returned and nothing is written.
 */
export async function createCaseFromEmail(
  ports: CaseActionPorts,
  context: EmailCaseContext,
  plan: { title: string; fieldValues: Record<string, FieldValue>; predictFields: boolean; parentCaseId?: string | null; reason: string },
  link: (caseRecord: Case) => Promise<unknown> = async () => undefined,
): Promise<{ caseRecord: Case; predictionWarnings: string[] }> {
  const { email, parsed, fields, settings, at } = context;
  const mapped: Record<string, CaseFieldState> = {};
  for (const [key, value] of Object.entries(plan.fieldValues)) mapped[key] = { value, source: 'channel', updatedAt: at };
  let caseFields = mapped;
  let predictedAudit: AuditEntryDraft[] = [];
  let predictionRun: Parameters<typeof recordPredictionRun>[1] | null = null;
  const predictionWarnings: string[] = [];
  if (plan.predictFields && ports.predictions) {
    const input = emailPredictionInput(email, parsed);
    const report = await ports.predictions.run({ fields, ...input, channel: 'email', scope: 'emailCreation' });
    predictionWarnings.push(...report.errors.map((failure) => `${failure.predictorId}: ${failure.message}`));
    const merged = mergePredictions({ fields, settings, current: mapped, scope: 'emailCreation', predictions: report.predictions, at, protectedSources: ['channel', 'rule'] });
    caseFields = merged.fields;
    predictedAudit = merged.auditEntries;
    predictionRun = { caseId: '', at, scope: 'emailCreation', trigger: 'email', merge: merged, report };
  }
  const originKey = emailOriginKey(email.id);
  const draft: NewCase = {
    title: plan.title,
    status: 'new',
    channel: 'email',
    fields: caseFields,
    conversationId: null,
    contactEmail: parsed.from?.address || null,
    parentCaseId: plan.parentCaseId ?? null,
    resolvedAt: null,
    originKey,
  };
  const created: AuditEntryDraft = { at, action: 'case-created', actor: { type: 'channel', id: 'email' }, source: 'channel', reason: plan.reason };
  const mappedAudit: AuditEntryDraft[] = Object.entries(plan.fieldValues).map(([field, value]) => ({
    at,
    action: 'field-changed',
    field,
    oldValue: null,
    newValue: value,
    actor: { type: 'channel', id: 'email' },
    source: 'channel',
    reason: `mapped from email ${email.messageId ?? email.id} by the ARC rule`,
  }));
  try {
    const caseRecord = await runAtomically(ports.unitOfWork, async () => {
      const caseRecord = await ports.cases.create(draft);
      await ports.audit.append(stored(ports, caseRecord.id, [created, ...mappedAudit, ...predictedAudit]));
      if (predictionRun) await recordPredictionRun(ports, { ...predictionRun, caseId: caseRecord.id });
      await link(caseRecord);
      return caseRecord;
    });
    return { caseRecord, predictionWarnings };
  } catch (error) {
    const earlier = hasDomainErrorCode(error, 'CONFLICT') ? await ports.cases.findByOriginKey(originKey) : null;
    if (!earlier) throw error;
    await link(earlier);
    return { caseRecord: earlier, predictionWarnings };
  }
}

/** Attaches a follow-up email to its case: optional reopen, then updates the fields configured for updates. */
export async function attachEmailToCase(
  ports: CaseActionPorts,
  context: EmailCaseContext,
  caseRecord: Case,
  options: { reopen: boolean; updateFields: boolean; reason: string },
): Promise<{ caseRecord: Case; changed: string[] }> {
  const { email, parsed, fields, settings, at } = context;
  const drafts: AuditEntryDraft[] = [{ at, action: 'email-linked', actor: { type: 'channel', id: 'email' }, source: 'channel', reason: options.reason }];
  let next: Case = caseRecord;
  let changed: string[] = [];
  let predictionRun: Parameters<typeof recordPredictionRun>[1] | null = null;
  if (options.reopen && (caseRecord.status === 'resolved' || caseRecord.status === 'closed')) {
    next = { ...next, status: 'active', resolvedAt: null };
    drafts.push({ at, action: 'case-reopened', actor: { type: 'channel', id: 'email' }, source: 'system', reason: `reopened by follow-up email ${email.messageId ?? email.id}` });
  }
  if (options.updateFields && ports.predictions) {
    const currentValues = Object.fromEntries(Object.entries(caseRecord.fields).map(([key, state]) => [key, state.value]));
    const input = emailPredictionInput(email, parsed);
    const report = await ports.predictions.run({ fields, ...input, channel: 'email', scope: 'updates', currentValues });
    const merged = mergePredictions({
      fields,
      settings,
      current: caseRecord.fields,
      scope: 'updates',
      predictions: report.predictions,
      at,
      reason: `predicted from follow-up email ${email.messageId ?? email.id}`,
    });
    if (merged.changed.length > 0) {
      next = { ...next, fields: merged.fields };
      changed = merged.changed;
      drafts.push(...merged.auditEntries);
    }
    predictionRun = { caseId: caseRecord.id, at, scope: 'updates', trigger: 'email-follow-up', merge: merged, report };
  }
  // The case, its audit entries and its prediction log commit together.
  next = await runAtomically(ports.unitOfWork, async () => {
    const saved = next !== caseRecord ? await ports.cases.save(next) : next;
    await ports.audit.append(stored(ports, caseRecord.id, drafts));
    if (predictionRun) await recordPredictionRun(ports, predictionRun);
    return saved;
  });
  return { caseRecord: next, changed };
}
