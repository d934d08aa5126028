import { z } from 'zod';

/**
 * ARC rules (Automatic Record Creation): per mailbox, an ordered list of items; the first
 * enabled item whose conditions match decides what happens to an email that does not
 * belong to an existing case.
 */

export const TEXT_OPERATORS = ['equals', 'contains', 'starts-with', 'ends-with', 'regex'] as const;
export type TextOperator = (typeof TEXT_OPERATORS)[number];

/** Parts of an email a text condition can look at. */
export const TEXT_TARGETS = ['sender-address', 'sender-domain', 'to', 'cc', 'recipients', 'subject', 'body', 'header'] as const;
export type TextTarget = (typeof TEXT_TARGETS)[number];

const textConditionSchema = z.object({
  type: z.literal('text'),
  target: z.enum(TEXT_TARGETS),
  /** Header name, for target `header`. */
  header: z.string().min(1).optional(),
  operator: z.enum(TEXT_OPERATORS).default('contains'),
  value: z.string().min(1, 'a text condition needs a value to compare with'),
  caseSensitive: z.boolean().default(false),
  /** Inverts the match ("subject does not contain…"). */
  negate: z.boolean().default(false),
});

export const ArcConditionSchema = z.discriminatedUnion('type', [
  textConditionSchema,
  /** The sender matches a known contact (or not). */
  z.object({ type: z.literal('sender-known'), known: z.boolean() }),
  z.object({ type: z.literal('has-attachments'), value: z.boolean().default(true) }),
  /** Bulk or mailing-list mail (Precedence bulk/junk/list, List-Id). */
  z.object({ type: z.literal('bulk'), value: z.boolean().default(true) }),
  /** The email category a classifier predictor assigned, one of `values`. */
  z.object({
    type: z.literal('category'),
    values: z.array(z.string().min(1)).min(1, 'a category condition needs at least one category'),
  }),
]);
export type ArcCondition = z.infer<typeof ArcConditionSchema>;

/** Where a mapped case field takes its value from. */
export const FIELD_MAPPING_SOURCES = ['subject', 'sender-address', 'sender-name', 'sender-domain', 'mailbox', 'header', 'constant'] as const;
export type FieldMappingSource = (typeof FIELD_MAPPING_SOURCES)[number];

export const FieldMappingSchema = z
  .object({
    /** Case field key; `title` sets the case title. */
    field: z.string().min(1, 'a field mapping needs a field key'),
    source: z.enum(FIELD_MAPPING_SOURCES),
    header: z.string().min(1).optional(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .superRefine((mapping, ctx) => {
    if (mapping.source === 'constant' && mapping.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `mapping for "${mapping.field}" from a constant needs a value` });
    if (mapping.source === 'header' && !mapping.header)
      ctx.addIssue({ code: 'custom', path: ['header'], message: `mapping for "${mapping.field}" from a header needs the header name` });
  });
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

export const DEFAULT_FIELD_MAPPINGS: FieldMapping[] = [
  { field: 'title', source: 'subject' },
  { field: 'customerEmail', source: 'sender-address' },
  { field: 'origin', source: 'constant', value: 'email' },
];

export const ArcRuleItemSchema = z.object({
  id: z.string().min(1, 'rule item id is required'),
  name: z.string().min(1, 'rule item name is required').max(200),
  enabled: z.boolean().default(true),
  /** `all`: every condition must hold; `any`: one is enough. No conditions matches every email. */
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(ArcConditionSchema).default([]),
  action: z.enum(['create-case', 'skip']).default('create-case'),
  /** For `create-case`: fields set from the email before predictions run. */
  fieldMappings: z.array(FieldMappingSchema).default(DEFAULT_FIELD_MAPPINGS),
  /** Run the predictors for the fields configured for email creation. */
  predictFields: z.boolean().default(true),
  /** A sender that matches no contact: create a contact for them, or skip the email. */
  unknownSender: z.enum(['create-contact', 'skip']).default('create-contact'),
  /** Send the mailbox's acknowledgement template (never to bulk, auto-replies or bounces). */
  acknowledge: z.boolean().default(false),
});
export type ArcRuleItem = z.infer<typeof ArcRuleItemSchema>;
export type ArcRuleItemInput = z.input<typeof ArcRuleItemSchema>;

export const ResolvedCasePolicySchema = z.object({
  /** Within this many hours after resolution a follow-up email is attached to the case. */
  windowHours: z.number().min(0, 'window must not be negative').max(24 * 365).default(72),
  /** Reopen the resolved case when a follow-up is attached to it. */
  reopen: z.boolean().default(true),
});
export type ResolvedCasePolicy = z.infer<typeof ResolvedCasePolicySchema>;

export const ArcRuleSchema = z
  .object({
    id: z.string().min(1).optional(),
    /** Mailbox address the rule applies to. */
    mailbox: z.string().trim().toLowerCase().email('mailbox must be an email address such as support@example.com'),
    name: z.string().min(1, 'rule name is required').max(200),
    enabled: z.boolean().default(true),
    items: z.array(ArcRuleItemSchema).default([]),
    resolvedCase: ResolvedCasePolicySchema.default(ResolvedCasePolicySchema.parse({})),
    /** Follow-up emails on a case update the fields configured for updates. */
    updateCaseOnFollowUp: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const ids = new Set<string>();
    rule.items.forEach((item, itemIndex) => {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', itemIndex, 'id'], message: `duplicate rule item id "${item.id}"` });
      ids.add(item.id);
      item.conditions.forEach((condition, conditionIndex) => {
        const path = ['items', itemIndex, 'conditions', conditionIndex];
        if (condition.type !== 'text') return;
        if (condition.target === 'header' && !condition.header)
          ctx.addIssue({ code: 'custom', path: [...path, 'header'], message: 'a header condition needs the header name' });
        if (condition.operator === 'regex') {
          try {
            new RegExp(condition.value);
          } catch (error) {
            ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `invalid regular expression: ${(error as Error).message}` });
          }
        }
      });
    });
  });
export type ArcRule = z.infer<typeof ArcRuleSchema> & { id: string };
export type ArcRuleInput = z.input<typeof ArcRuleSchema>;
