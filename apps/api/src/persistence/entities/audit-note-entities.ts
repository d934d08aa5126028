import { defineEntity, p } from '@mikro-orm/core';

export const AuditEntryEntity = defineEntity({
  name: 'AuditEntryRecord',
  tableName: 'audit_entries',
  properties: {
    id: p.string().length(36).primary(),
    /** Insertion order (from the `audit` counter), so entries written in one millisecond keep their order. */
    sequence: p.integer().index(),
    caseId: p.string().length(36).index(),
    at: p.string().length(32).index(),
    action: p.string().length(32),
    field: p.string().length(64).nullable(),
    source: p.string().length(16),
    /** The whole AuditEntry as written. */
    entry: p.json<Record<string, unknown>>(),
  },
});

export const NoteEntity = defineEntity({
  name: 'NoteRecord',
  tableName: 'notes',
  properties: {
    id: p.string().length(36).primary(),
    /** Creation order (from the `note` counter). */
    sequence: p.integer(),
    caseId: p.string().length(36).index(),
    kind: p.string().length(16),
    body: p.text(),
    authorId: p.string().length(36).nullable(),
    dedupeKey: p.string().length(200).nullable().unique(),
    createdAt: p.string().length(32),
  },
});

/** The case's prediction log: one row per prediction run, with the engine's decisions. */
export const PredictionLogEntity = defineEntity({
  name: 'PredictionLogRecord',
  tableName: 'prediction_log',
  properties: {
    id: p.string().length(36).primary(),
    sequence: p.integer().index(),
    caseId: p.string().length(36).index(),
    at: p.string().length(32),
    entry: p.json<Record<string, unknown>>(),
  },
});
