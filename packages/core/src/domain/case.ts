import type { FieldValue } from './field-definition.js';
import type { Evidence, PredictorRef } from './prediction.js';

export const CASE_STATUSES = ['new', 'active', 'waiting', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who set a field value. */
export const FIELD_SOURCES = ['ai', 'agent', 'rule', 'channel', 'import'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

export const CHANNELS = ['chat', 'email', 'manual', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface CaseFieldState {
  value: FieldValue;
  source: FieldSource;
  updatedAt: string;
  /** User id for agent edits. */
  actorId?: string;
  predictor?: PredictorRef;
  confidence?: number;
  evidence?: Evidence[];
}

export interface Case {
  id: string;
  /** Human number, e.g. CAS-00042. */
  number: string;
  title: string;
  status: CaseStatus;
  channel: Channel;
  fields: Record<string, CaseFieldState>;
  conversationId?: string | null;
  contactEmail?: string | null;
  /** Case this one continues (resolved-case policy). */
  parentCaseId?: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string | null;
  /** Optimistic concurrency version, incremented on each save. */
  version: number;
}

export type NewCase = Omit<Case, 'id' | 'number' | 'createdAt' | 'updatedAt' | 'version'> & {
  /**
   * The key of the event that creates the case (`email:<id>`, `conversation:<id>`), unique
   * among cases: a retried creation finds the case it made (findByOriginKey) instead of a second one.
   */
  originKey?: string | null;
};

/** The origin key of a case created from an email. */
export const emailOriginKey = (emailId: string): string => `email:${emailId}`;
/** The origin key of a case created from a conversation. */
export const conversationOriginKey = (conversationId: string): string => `conversation:${conversationId}`;

export function formatCaseNumber(sequence: number, prefix = 'CAS'): string {
  return `${prefix}-${String(sequence).padStart(5, '0')}`;
}
