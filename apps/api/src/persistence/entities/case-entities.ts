import { defineEntity, p } from '@mikro-orm/core';

export const CaseEntity = defineEntity({
  name: 'CaseRecord',
  tableName: 'cases',
  properties: {
    id: p.string().length(36).primary(),
    number: p.string().length(32).unique(),
    /** The number's counter value: creation order. */
    sequence: p.integer().index(),
    title: p.string().length(500),
    status: p.string().length(16).index(),
    channel: p.string().length(16).index(),
    fields: p.json<Record<string, unknown>>(),
    /** At most one case per conversation. */
    conversationId: p.string().length(36).nullable().unique(),
    /** The key of the event that created the case (`email:<id>`, `conversation:<id>`): at most one case per event. */
    originKey: p.string().length(100).nullable().unique(),
    contactEmail: p.string().length(320).nullable(),
    parentCaseId: p.string().length(36).nullable(),
    /** Lower-cased number, title and field values for `q` searches. */
    searchText: p.text(),
    createdAt: p.string().length(32).index(),
    updatedAt: p.string().length(32),
    resolvedAt: p.string().length(32).nullable(),
    version: p.integer(),
  },
});

/** Named monotonic counters (case numbers); incremented atomically with one UPDATE. */
export const CounterEntity = defineEntity({
  name: 'Counter',
  tableName: 'counters',
  properties: {
    name: p.string().length(64).primary(),
    value: p.integer(),
  },
});
