import type { FieldValue } from './field-definition.js';
import type { Evidence, PredictorRef } from './prediction.js';
import type { FieldSource } from './case.js';

export interface Actor {
  type: 'user' | 'ai' | 'system' | 'channel';
  id?: string;
  name?: string;
}

/** One field change (or case lifecycle event) of a case. */
export interface AuditEntry {
  id: string;
  caseId: string;
  at: string;
  action: 'case-created' | 'field-changed' | 'status-changed' | 'note-added' | 'email-linked' | 'case-reopened';
  field?: string;
  oldValue?: FieldValue;
  newValue?: FieldValue;
  actor: Actor;
  source: FieldSource | 'system';
  reason: string;
  predictor?: PredictorRef;
  confidence?: number;
  evidence?: Evidence[];
}

export interface Note {
  id: string;
  caseId: string;
  kind: 'manual' | 'summary' | 'system';
  body: string;
  authorId?: string | null;
  /** Idempotency key, e.g. `summary:<conversationId>` so ending twice makes one note. */
  dedupeKey?: string | null;
  createdAt: string;
}
