import { z } from 'zod';

export const SettingsSchema = z.object({
  /** Create the case autonomously when an agent accepts a conversation with enough context. */
  autoCreateCaseOnAccept: z.boolean().default(true),
  /** "Automatically create a note at the end of a live chat using conversation summary". */
  summaryNoteOnChatEnd: z.boolean().default(true),
  /** Let the AI overwrite values an agent typed (off by default). */
  allowAiOverrideOfAgentEdits: z.boolean().default(false),
  summaryFormat: z.enum(['paragraph', 'structured']).default('paragraph'),
  /** Default confidence threshold for fields that do not set one. */
  defaultThreshold: z.number().min(0).max(1).default(0.7),
  /** Predictor ids in precedence order (first wins when two clear the threshold). */
  predictorPrecedence: z.array(z.string().min(1)).default(['rules', 'regex', 'llm', 'learned']),
  /** Tracking token format in email subjects; `{number}` is the case number. */
  caseNumberPrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'prefix must be 2-10 uppercase letters or digits').default('CAS'),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const defaultSettings = (): Settings => SettingsSchema.parse({});
