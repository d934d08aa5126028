import type { ArcEvaluation, PlannedArcAction } from '@autocase/core';

export interface DryRunView {
  matchedItem: string | null;
  reason: string;
  actions: string[];
  note: string | null;
  email: { from: string | null; subject: string | null } | null;
  error: string | null;
}

interface DryRunPayload {
  ok?: boolean;
  error?: string;
  email?: { from?: { address?: string; name?: string } | null; subject?: string };
  evaluation?: ArcEvaluation;
  wouldThreadOrSkip?: string | null;
}

export function describeAction(action: PlannedArcAction): string {
  switch (action.type) {
    case 'skip':
      return `Skip the email: ${action.reason}`;
    case 'create-contact':
      return `Create a contact for ${action.name ? `${action.name} <${action.email}>` : action.email}`;
    case 'create-case': {
      const values = Object.entries(action.fieldValues)
        .map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
        .join(', ');
      return `Create a case “${action.title}”${values ? ` with ${values}` : ''}${action.predictFields ? ', then predict the remaining fields' : ''}`;
    }
    case 'acknowledge':
      return 'Send the acknowledgement email';
  }
}

/** Accepts the API's `{ ok, email, evaluation, wouldThreadOrSkip }` answer or a bare evaluation. */
export function toDryRunView(payload: unknown): DryRunView {
  const body = (payload ?? {}) as DryRunPayload & Partial<ArcEvaluation>;
  if (body.ok === false) return { matchedItem: null, reason: '', actions: [], note: null, email: null, error: body.error ?? 'The email could not be read.' };
  const evaluation: Partial<ArcEvaluation> = body.evaluation ?? body;
  const from = body.email?.from ? (body.email.from.name ? `${body.email.from.name} <${body.email.from.address ?? ''}>` : (body.email.from.address ?? null)) : null;
  return {
    matchedItem: evaluation.item?.name ?? null,
    reason: evaluation.reason ?? '',
    actions: (evaluation.plannedActions ?? []).map(describeAction),
    note: body.wouldThreadOrSkip ?? null,
    email: body.email ? { from, subject: body.email.subject ?? null } : null,
    error: null,
  };
}
