import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { authorsSchema } from '../shared/message-authors.js';
import { NORMALIZATIONS } from './pattern-extractor.js';

const confidence = (defaultValue: number) => z.number().min(0, 'confidence must be between 0 and 1').max(1, 'confidence must be between 0 and 1').default(defaultValue);

function compiles(pattern: string, flags = ''): string | null {
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const regexSource = z.string().min(1, 'pattern must not be empty').superRefine((pattern, context) => {
  const problem = compiles(pattern);
  if (problem) context.addIssue({ code: 'custom', message: `pattern is not a valid regular expression: ${problem}` });
});

const countryCode = z.string().refine((code) => isSupportedCountry(code), { error: (issue) => `"${String(issue.input)}" is not a supported ISO 3166 country code (e.g. US, GB, DE)` });

/** How one field is extracted. */
export const FieldExtractorSchema = z.discriminatedUnion('extractor', [
  z.object({ extractor: z.literal('email'), confidence: confidence(0.95) }),
  z.object({ extractor: z.literal('phone'), defaultCountry: countryCode.optional(), confidence: confidence(0.9) }),
  z.object({
    extractor: z.literal('reference'),
    labels: z.array(z.string().trim().min(1, 'a label must not be empty')).min(1, 'reference needs at least one label, e.g. "order id"'),
    pattern: regexSource.default(String.raw`[A-Z]{0,4}-?\d[\d-]{3,18}\d`),
    acceptAnswers: z.boolean().default(true),
    uppercase: z.boolean().default(true),
    confidence: confidence(0.95),
  }),
  z.object({
    extractor: z.literal('username'),
    labels: z.array(z.string().trim().min(1)).min(1).default(['username', 'user name', 'user id', 'userid', 'login']),
    matchEmailLocalPart: z.boolean().default(true),
    confidence: confidence(0.9),
  }),
  z.object({ extractor: z.literal('amount'), dollarSignCurrency: z.string().regex(/^[A-Z]{3}$/, 'dollarSignCurrency must be an ISO 4217 code such as USD').default('USD'), confidence: confidence(0.85) }),
  z.object({ extractor: z.literal('date'), numericOrder: z.enum(['month-first', 'day-first']).default('month-first'), confidence: confidence(0.85) }),
  z
    .object({
      extractor: z.literal('pattern'),
      pattern: regexSource,
      flags: z.string().regex(/^[dgimsuvy]*$/, 'flags may only contain d, g, i, m, s, u, v, y').default('i'),
      template: z.string().optional(),
      value: z.union([z.string(), z.number(), z.boolean()]).optional(),
      normalize: z.array(z.enum(NORMALIZATIONS)).default(['trim']),
      confidence: confidence(0.9),
    })
    .superRefine((entry, context) => {
      const problem = compiles(entry.pattern, entry.flags);
      if (problem) context.addIssue({ code: 'custom', path: ['flags'], message: `pattern with flags "${entry.flags}" does not compile: ${problem}` });
    }),
]);
export type FieldExtractor = z.output<typeof FieldExtractorSchema>;

export const regexConfigSchema = z.object({
  /** Extractor per field key. */
  fields: z.record(z.string().min(1), FieldExtractorSchema).default({}),
  /** Fields without an entry use the built-in extractor of their type (email, phone, date, currency). */
  inferFromFieldType: z.boolean().default(true),
  /** Country assumed for phone numbers written without an international prefix. */
  defaultCountry: countryCode.default('US'),
  /** Whose messages values are taken from. */
  authors: authorsSchema(['customer']),
});
export type RegexConfig = z.input<typeof regexConfigSchema>;
export type ParsedRegexConfig = z.output<typeof regexConfigSchema>;
