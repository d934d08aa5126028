import type { AuditEntry } from '../domain/audit.js';
import type { Case, CaseStatus } from '../domain/case.js';
import { ConcurrencyError, NotFoundError, ValidationError, type ValidationIssue } from '../domain/errors.js';
import type { FieldValue } from '../domain/field-definition.js';
import { newId, nowIso, type CaseEngineDeps } from './case-engine-deps.js';
import { validateFieldValues, validateStatus, validateTitle } from './manual-input-validation.js';

export interface ApplyManualEditInput {
  caseId: string;
  /** The agent's user id (kept in provenance and audit). */
  actorId: string;
  actorName?: string;
  /** When given, the edit is refused if the case changed since the agent loaded this version. */
  expectedVersion?: number;
  title?: unknown;
  status?: unknown;
  /** New values by field key; `null` clears a field. */
  fields?: Record<string, unknown>;
}

export interface ApplyManualEditResult {
  case: Case;
  /** Field keys that changed, plus `title` / `status` when those changed. */
  changed: string[];
}

const CLOSED_STATUSES: CaseStatus[] = ['resolved', 'closed'];

/**
 * An agent edits a case by hand. Values are validated against the field definitions; changed
 * fields get provenance `agent` (so the AI will not overwrite them) and each change is audited.
 */
export async function applyManualEdit(deps: CaseEngineDeps, input: ApplyManualEditInput): Promise<ApplyManualEditResult> {
  const caseRecord = await deps.cases.get(input.caseId);
  if (!caseRecord) throw new NotFoundError('case', input.caseId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== caseRecord.version) throw new ConcurrencyError('case', caseRecord.number);
  if (input.title === undefined && input.status === undefined && input.fields === undefined) {
    throw new ValidationError('Nothing to change', [{ path: '', message: 'send at least one of title, status or fields' }]);
  }
  const issues: ValidationIssue[] = [];
  const title = input.title === undefined ? undefined : validateTitle(input.title, issues);
  const status = input.status === undefined ? undefined : validateStatus(input.status, issues);
  if (input.fields !== undefined && (typeof input.fields !== 'object' || input.fields === null || Array.isArray(input.fields))) {
    issues.push({ path: 'fields', message: 'fields must be an object of field key to value' });
  }
  const fieldDefinitions = await deps.configuration.getFields();
  const values = input.fields && typeof input.fields === 'object' && !Array.isArray(input.fields) ? validateFieldValues(fieldDefinitions, input.fields, issues) : {};
  if (issues.length > 0) throw new ValidationError(`Invalid edit of case ${caseRecord.number}`, issues);

  const at = nowIso(deps);
  const actor: AuditEntry['actor'] = { type: 'user', id: input.actorId, ...(input.actorName ? { name: input.actorName } : {}) };
  const audit: AuditEntry[] = [];
  const changed: string[] = [];
  const next: Case = { ...caseRecord, fields: { ...caseRecord.fields }, updatedAt: at };
  const base = { caseId: caseRecord.id, at, actor, source: 'agent' as const, reason: 'edited by an agent' };

  if (title !== undefined && title !== caseRecord.title) {
    next.title = title;
    changed.push('title');
    audit.push({ ...base, id: newId(deps), action: 'field-changed', field: 'title', oldValue: caseRecord.title, newValue: title });
  }
  if (status !== undefined && status !== caseRecord.status) {
    const reopened = CLOSED_STATUSES.includes(caseRecord.status) && !CLOSED_STATUSES.includes(status);
    next.status = status;
    next.resolvedAt = CLOSED_STATUSES.includes(status) ? (caseRecord.resolvedAt ?? at) : null;
    changed.push('status');
    audit.push({ ...base, id: newId(deps), action: reopened ? 'case-reopened' : 'status-changed', field: 'status', oldValue: caseRecord.status, newValue: status });
  }
  for (const field of fieldDefinitions) {
    if (!(field.key in values)) continue;
    const value = values[field.key] as FieldValue;
    const existing = caseRecord.fields[field.key];
    if (existing ? existing.value === value : value === null) continue;
    next.fields[field.key] = { value, source: 'agent', updatedAt: at, actorId: input.actorId };
    changed.push(field.key);
    audit.push({ ...base, id: newId(deps), action: 'field-changed', field: field.key, oldValue: existing?.value ?? null, newValue: value });
  }
  if (changed.length === 0) return { case: caseRecord, changed };

  const saved = await deps.cases.save(next);
  await deps.audit.append(audit);
  await deps.events.publish({ type: 'case.updated', caseId: saved.id, conversationId: saved.conversationId ?? null, changed });
  return { case: saved, changed };
}
