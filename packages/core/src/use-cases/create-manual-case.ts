import type { AuditEntry } from '../domain/audit.js';
import type { Case, CaseFieldState } from '../domain/case.js';
import { ConflictError, NotFoundError, ValidationError, hasDomainErrorCode, type ValidationIssue } from '../domain/errors.js';
import { isValidEmailAddress } from '../engine/field-value-validation.js';
import { newId, nowIso, type CaseEngineDeps } from './case-engine-deps.js';
import { linkConversationToCase } from './conversation-state-change.js';
import { validateFieldValues, validateStatus, validateTitle } from './manual-input-validation.js';

export interface CreateManualCaseInput {
  actorId: string;
  actorName?: string;
  title: unknown;
  status?: unknown;
  fields?: Record<string, unknown>;
  /** Links the case to this conversation (which must not have a case yet). */
  conversationId?: string | null;
  contactEmail?: string | null;
}

/** An agent creates a case by hand, optionally for a conversation; values get provenance `agent`. */
export async function createManualCase(deps: CaseEngineDeps, input: CreateManualCaseInput): Promise<Case> {
  const issues: ValidationIssue[] = [];
  const title = validateTitle(input.title, issues);
  const status = input.status === undefined ? 'new' : validateStatus(input.status, issues);
  const fieldDefinitions = await deps.configuration.getFields();
  const values = input.fields ? validateFieldValues(fieldDefinitions, input.fields, issues) : {};
  let contactEmail: string | null = null;
  if (input.contactEmail !== undefined && input.contactEmail !== null) {
    const trimmed = typeof input.contactEmail === 'string' ? input.contactEmail.trim() : '';
    if (isValidEmailAddress(trimmed)) contactEmail = trimmed;
    else issues.push({ path: 'contactEmail', message: `${JSON.stringify(input.contactEmail)} is not a valid email address` });
  }
  if (issues.length > 0 || title === undefined || status === undefined) throw new ValidationError('Invalid case', issues);

  const conversationId = input.conversationId ?? null;
  if (conversationId) {
    const conversation = await deps.conversations.get(conversationId);
    if (!conversation) throw new NotFoundError('conversation', conversationId);
    const existing = (conversation.caseId ? await deps.cases.get(conversation.caseId) : null) ?? (await deps.cases.findByConversationId(conversationId));
    if (existing) throw new ConflictError(`conversation ${conversationId} already has case ${existing.number}`, { caseId: existing.id });
  }

  const at = nowIso(deps);
  const fields: Record<string, CaseFieldState> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== null) fields[key] = { value, source: 'agent', updatedAt: at, actorId: input.actorId };
  }
  let caseRecord: Case;
  try {
    caseRecord = await deps.cases.create({
      title,
      status,
      channel: conversationId ? 'chat' : 'manual',
      fields,
      conversationId,
      contactEmail,
      parentCaseId: null,
      resolvedAt: status === 'resolved' || status === 'closed' ? at : null,
    });
  } catch (error) {
    if (conversationId && hasDomainErrorCode(error, 'CONFLICT')) {
      const raced = await deps.cases.findByConversationId(conversationId);
      throw new ConflictError(`conversation ${conversationId} already has case ${raced?.number ?? 'another case'}`, { caseId: raced?.id });
    }
    throw error;
  }

  const actor: AuditEntry['actor'] = { type: 'user', id: input.actorId, ...(input.actorName ? { name: input.actorName } : {}) };
  const base = { caseId: caseRecord.id, at, actor, source: 'agent' as const };
  await deps.audit.append([
    { ...base, id: newId(deps), action: 'case-created', reason: 'created by hand by an agent' },
    ...Object.entries(fields).map(([key, state]): AuditEntry => ({
      ...base,
      id: newId(deps),
      action: 'field-changed',
      field: key,
      oldValue: null,
      newValue: state.value,
      reason: 'set by an agent when creating the case',
    })),
  ]);
  if (conversationId) await linkConversationToCase(deps, conversationId, caseRecord.id);
  await deps.events.publish({ type: 'case.created', caseId: caseRecord.id, conversationId, fields: Object.keys(fields) });
  return caseRecord;
}
