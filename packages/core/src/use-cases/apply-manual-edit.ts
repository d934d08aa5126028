import type { AuditEntry } from '../domain/audit.js';
import type { Case, CaseStatus } from '../domain/case.js';
import { ConcurrencyError, NotFoundError, ValidationError, type ValidationIssue } from '../domain/errors.js';
import type { FieldValue } from '../domain/field-definition.js';
import { runAtomically } from '../ports/services.js';
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

  // In the order of the field definitions (the order `changed` and the audit list them in).
  const ordered = Object.fromEntries(fieldDefinitions.filter((field) => field.key in values).map((field) => [field.key, values[field.key]]));
  const edit: ValidatedEdit = { title, status, values: ordered };
  let base = caseRecord;
  for (let attempt = 1; ; attempt += 1) {
    const planned = planEdit(deps, base, edit, input);
    if (planned.changed.length === 0) return { case: base, changed: [] };
    try {
      const saved = await runAtomically(deps.unitOfWork, async () => {
        const saved = await deps.cases.save(planned.next);
        await deps.audit.append(planned.audit);
        return saved;
      });
      await deps.events.publish({ type: 'case.updated', caseId: saved.id, conversationId: saved.conversationId ?? null, changed: planned.changed });
      return { case: saved, changed: planned.changed };
    } catch (error) {
      // Without expectedVersion, an AI update (or another edit) of other fields is merged: re-read and apply the edit again.
      if (!(error instanceof ConcurrencyError) || input.expectedVersion !== undefined || attempt >= MAX_MERGE_ATTEMPTS) throw error;
      const latest = await deps.cases.get(input.caseId);
      if (!latest) throw new NotFoundError('case', input.caseId);
      const clash = editedFieldsChanged(caseRecord, latest, edit);
      if (clash.length > 0) {
        throw new ConcurrencyError('case', caseRecord.number, `case ${caseRecord.number} changed while you edited it: ${clash.join(', ')} now ${clash.length === 1 ? 'has' : 'have'} another value; reload the case and edit again`);
      }
      base = latest;
    }
  }
}

/** Racing saves re-read and merge this many times before giving up with a ConcurrencyError. */
const MAX_MERGE_ATTEMPTS = 5;

interface ValidatedEdit {
  title: string | undefined;
  status: CaseStatus | undefined;
  values: Record<string, unknown>;
}

/** Fields of the edit whose stored value changed between the version the agent edited and the latest one. */
function editedFieldsChanged(original: Case, latest: Case, edit: ValidatedEdit): string[] {
  const clash: string[] = [];
  if (edit.title !== undefined && original.title !== latest.title) clash.push('title');
  if (edit.status !== undefined && original.status !== latest.status) clash.push('status');
  for (const key of Object.keys(edit.values)) if ((original.fields[key]?.value ?? null) !== (latest.fields[key]?.value ?? null)) clash.push(key);
  return clash;
}

function planEdit(deps: CaseEngineDeps, caseRecord: Case, edit: ValidatedEdit, input: ApplyManualEditInput): { next: Case; audit: AuditEntry[]; changed: string[] } {
  const { title, status, values } = edit;
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
  for (const [key, raw] of Object.entries(values)) {
    const value = raw as FieldValue;
    const existing = caseRecord.fields[key];
    if (existing ? existing.value === value : value === null) continue;
    next.fields[key] = { value, source: 'agent', updatedAt: at, actorId: input.actorId };
    changed.push(key);
    audit.push({ ...base, id: newId(deps), action: 'field-changed', field: key, oldValue: existing?.value ?? null, newValue: value });
  }
  return { next, audit, changed };
}
