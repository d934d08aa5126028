import { z } from 'zod';
import { authorsSchema } from '../shared/message-authors.js';

const nonEmptyWords = z.array(z.string().trim().min(1, 'a word must not be empty')).min(1, 'list at least one word or phrase');
const textMatching = { caseSensitive: z.boolean().default(false), wholeWord: z.boolean().default(true) };
const negate = { negate: z.boolean().default(false) };
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const RuleConditionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('containsAny'), words: nonEmptyWords, ...textMatching, ...negate }),
  z.object({ type: z.literal('containsAll'), words: nonEmptyWords, ...textMatching, ...negate }),
  z
    .object({ type: z.literal('regex'), pattern: z.string().min(1, 'pattern must not be empty'), flags: z.string().regex(/^[imsuv]*$/, 'flags may only contain i, m, s, u, v').default('i'), ...negate })
    .superRefine((condition, context) => {
      try {
        new RegExp(condition.pattern, condition.flags);
      } catch (error) {
        context.addIssue({ code: 'custom', path: ['pattern'], message: `pattern is not a valid regular expression: ${(error as Error).message}` });
      }
    }),
  z.object({ type: z.literal('senderDomain'), domains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'a domain looks like example.com')).min(1, 'list at least one domain'), ...negate }),
  z.object({ type: z.literal('channel'), channels: z.array(z.enum(['chat', 'email', 'manual', 'import', 'backtest'])).min(1, 'list at least one channel'), ...negate }),
  z.object({ type: z.literal('contextEquals'), key: z.string().min(1, 'key names the context variable'), values: z.array(z.string()).min(1, 'list at least one value'), caseSensitive: z.boolean().default(false), ...negate }),
  z.object({ type: z.literal('fieldEquals'), field: z.string().min(1, 'field names another case field'), values: z.array(fieldValue).min(1, 'list at least one value'), ...negate }),
]);
export type RuleCondition = z.output<typeof RuleConditionSchema>;

export const RuleSchema = z.object({
  /** Stable id shown in the prediction log; defaults to the rule's position. */
  id: z.string().min(1).optional(),
  name: z.string().max(200).optional(),
  enabled: z.boolean().default(true),
  /** The case field this rule fills. */
  field: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'field must be a case field key such as "category"'),
  value: fieldValue,
  confidence: z.number().min(0, 'confidence must be between 0 and 1').max(1, 'confidence must be between 0 and 1').default(0.9),
  /** `all`: every condition must hold; `any`: one is enough. */
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(RuleConditionSchema).min(1, 'a rule needs at least one condition'),
});
export type Rule = z.output<typeof RuleSchema>;

export const rulesConfigSchema = z
  .object({
    /** Evaluated in order; per field the first matching rule wins. */
    rules: z.array(RuleSchema).min(1, 'add at least one rule'),
    /** Whose messages text conditions read. */
    authors: authorsSchema(['customer']),
  })
  .superRefine((config, context) => {
    const ids = new Set<string>();
    config.rules.forEach((rule, index) => {
      if (!rule.id) return;
      if (ids.has(rule.id)) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}"` });
      ids.add(rule.id);
    });
  });
export type RulesConfig = z.input<typeof rulesConfigSchema>;
export type ParsedRulesConfig = z.output<typeof rulesConfigSchema>;
