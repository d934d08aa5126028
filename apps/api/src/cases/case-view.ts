import type { Case, Evidence, PredictorRef } from '@autocase/core';

export interface CaseFieldView {
  value: unknown;
  source: string;
  confidence: number | null;
  evidence: Evidence[];
  updatedAt: string;
  predictor: PredictorRef | null;
  actorId: string | null;
}

export type CaseView = Omit<Case, 'fields'> & { fields: Record<string, CaseFieldView> };

/** The case as the API returns it: every field with value, source, confidence, evidence and updatedAt. */
export function toCaseView(caseRecord: Case): CaseView {
  const fields: Record<string, CaseFieldView> = {};
  for (const [key, state] of Object.entries(caseRecord.fields)) {
    fields[key] = {
      value: state.value,
      source: state.source,
      confidence: state.confidence ?? null,
      evidence: state.evidence ?? [],
      updatedAt: state.updatedAt,
      predictor: state.predictor ?? null,
      actorId: state.actorId ?? null,
    };
  }
  return { ...caseRecord, fields };
}
