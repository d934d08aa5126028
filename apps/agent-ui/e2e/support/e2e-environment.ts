const number = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

const apiPort = number(process.env.E2E_API_PORT, 3120);
const appPort = number(process.env.E2E_AGENT_UI_PORT, 3121);

/** Ports and the bootstrap admin for the agent UI's end-to-end run (distinct from the admin console's). */
export const E2E = {
  apiPort,
  appPort,
  smtpPort: number(process.env.E2E_SMTP_PORT, 2621),
  apiUrl: `http://127.0.0.1:${apiPort}`,
  appUrl: `http://127.0.0.1:${appPort}`,
  adminEmail: 'admin@example.com' as string,
  adminPassword: 'e2e-admin-password-1' as string,
  mailbox: 'support@autocase.test' as string,
} as const;

/**
 * The predictors the run uses: keyword rules (category, priority), regex (order numbers, emails)
 * and the offline extractive summarizer — real plugins, deterministic without an LLM.
 */
export const E2E_PLUGINS = [
  {
    kind: 'predictor',
    package: '@autocase/predictors/rules',
    config: {
      rules: [
        { field: 'category', value: 'shipping', confidence: 0.9, conditions: [{ type: 'containsAny', words: ['parcel', 'delivery', 'shipping', 'arrived'] }] },
        { field: 'category', value: 'billing', confidence: 0.9, conditions: [{ type: 'containsAny', words: ['invoice', 'refund', 'charged'] }] },
        { field: 'priority', value: 'high', confidence: 0.9, conditions: [{ type: 'containsAny', words: ['urgent', 'asap', 'deadline'] }] },
      ],
    },
  },
  { kind: 'predictor', package: '@autocase/predictors/regex', config: { fields: { orderNumber: { extractor: 'pattern', pattern: 'ORD-\\d{6}', confidence: 0.95 }, customerEmail: { extractor: 'email' } } } },
  { kind: 'summarizer', package: '@autocase/predictors/summarizers', export: 'extractiveSummarizer' },
];
