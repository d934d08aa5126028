import { z } from 'zod';

/** The value types a case field can have. */
export const FIELD_TYPES = ['text', 'longText', 'choice', 'lookup', 'number', 'currency', 'boolean', 'email', 'phone', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Where the AI may fill a field. */
export const FILL_SCOPES = ['chatCreation', 'emailCreation', 'updates'] as const;
export type FillScope = (typeof FILL_SCOPES)[number];

export const FieldOptionSchema = z.object({
  value: z.string().min(1, 'option value must not be empty').max(200),
  label: z.string().min(1).max(200).optional(),
  /** "Use when / not for" guidance, shown to the LLM and to agents. */
  description: z.string().max(2000).default(''),
});
export type FieldOption = z.infer<typeof FieldOptionSchema>;

export const FieldDefinitionSchema = z
  .object({
    key: z
      .string()
      .min(1, 'key is required')
      .max(64)
      .regex(/^[a-z][a-zA-Z0-9_]*$/, 'key must start with a lowercase letter and contain only letters, digits and _'),
    label: z.string().min(1, 'label is required').max(200),
    type: z.enum(FIELD_TYPES),
    options: z.array(FieldOptionSchema).default([]),
    /** Description for the AI: what the field means and how to fill it. */
    description: z.string().max(4000).default(''),
    /** Needed for autonomous creation: a case is only created when every such field has an accepted prediction. */
    requiredForCreation: z.boolean().default(false),
    /** Where the AI may fill this field. */
    fillOn: z.array(z.enum(FILL_SCOPES)).default(['chatCreation', 'emailCreation', 'updates']),
    /** Predictor ids allowed to propose values, in precedence order (first wins on ties). Empty = every enabled predictor. */
    predictors: z.array(z.string().min(1)).default([]),
    /** Minimum confidence for a prediction to be accepted. */
    threshold: z.number().min(0).max(1).default(0.7),
  })
  .superRefine((field, ctx) => {
    if ((field.type === 'choice' || field.type === 'lookup') && field.options.length === 0 && field.type === 'choice') {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `choice field "${field.key}" needs at least one option` });
    }
    const seen = new Set<string>();
    field.options.forEach((option, index) => {
      if (seen.has(option.value)) ctx.addIssue({ code: 'custom', path: ['options', index, 'value'], message: `duplicate option "${option.value}"` });
      seen.add(option.value);
    });
  });
export type FieldDefinition = z.infer<typeof FieldDefinitionSchema>;
export type FieldDefinitionInput = z.input<typeof FieldDefinitionSchema>;

export const FieldDefinitionListSchema = z.array(FieldDefinitionSchema).superRefine((fields, ctx) => {
  const keys = new Set<string>();
  fields.forEach((field, index) => {
    if (keys.has(field.key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `duplicate field key "${field.key}"` });
    keys.add(field.key);
  });
});

/** A field value: strings for text-like types, numbers, booleans; null when cleared. */
export type FieldValue = string | number | boolean | null;
