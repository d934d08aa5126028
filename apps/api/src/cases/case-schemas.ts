import { CASE_STATUSES, CHANNELS } from '@autocase/core';
import { z } from 'zod';

export const CaseListQuerySchema = z.object({
  channel: z.enum(CHANNELS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const FieldValuesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]), 'fields must be an object of field key to value');

export const CaseEditSchema = z.object({
  title: z.string().optional(),
  status: z.enum(CASE_STATUSES).optional(),
  fields: FieldValuesSchema.optional(),
  /**
   * The version the agent loaded; the edit is refused (409) when the case changed since. Without
   * it, a concurrent change of other fields is merged and only a change of an edited field is a 409.
   */
  expectedVersion: z.number().int().min(1).optional(),
});

export const CaseCreateSchema = z.object({
  title: z.string().min(1, 'title is required').max(500),
  status: z.enum(CASE_STATUSES).optional(),
  fields: FieldValuesSchema.optional(),
  conversationId: z.string().min(1).nullable().optional(),
  contactEmail: z.string().nullable().optional(),
});

export const NoteCreateSchema = z.object({
  body: z.string().trim().min(1, 'body must not be empty').max(20_000),
});

export const AuditQuerySchema = z.object({
  caseId: z.string().optional(),
  source: z.enum(['ai', 'agent', 'rule', 'channel', 'import', 'system']).optional(),
  field: z.string().optional(),
  since: z.iso.datetime({ message: 'since must be an ISO date-time, e.g. 2026-01-31T00:00:00Z' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
