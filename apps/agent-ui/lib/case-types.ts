import type { AuditEntry, CaseStatus, Channel, Evidence, FieldSource, FieldValue, Note, PredictorRef } from '@autocase/core';

export type { AuditEntry, Note };

/** One field of a case as `GET /api/cases/:id` returns it: the value and who set it, how sure and why. */
export interface CaseFieldView {
  value: FieldValue;
  source: FieldSource;
  confidence: number | null;
  evidence: Evidence[];
  updatedAt: string;
  predictor: PredictorRef | null;
  actorId: string | null;
}

export interface CaseView {
  id: string;
  number: string;
  title: string;
  status: CaseStatus;
  channel: Channel;
  fields: Record<string, CaseFieldView>;
  conversationId?: string | null;
  contactEmail?: string | null;
  parentCaseId?: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string | null;
  version: number;
}

/** A value the conversation suggests for a field the customer filled themselves (kept, not overwritten). */
export interface FieldProposal {
  field: string;
  value: FieldValue;
  confidence: number;
  predictor: string;
}

/** `POST /api/cases/:id/update-from-conversation`. */
export interface UpdateFromConversationResult {
  changed: string[];
  case?: CaseView;
  proposals?: FieldProposal[];
  message?: string;
  /** One sentence naming what changed (old → new), what was kept because an agent set it, and why. */
  summary?: string;
}

/** `GET /api/cases/:id/outbound-emails`: what was sent (or tried) on the case. */
export interface OutboundEmailView {
  messageId: string;
  kind: 'acknowledgement' | 'agent-reply' | 'notification';
  to: string[];
  subject: string;
  text?: string;
  sentBy?: string;
  sentAt: string;
  delivery: 'sent' | 'failed' | 'bounced';
  deliveryError?: string;
}

export interface PagedList<T> {
  items: T[];
  total: number;
}
