// The predictors of the benchmarked API: the defaults (regex, extractive summarizer) plus the rules
// predictor configured through the admin API with three rules over the demo fields, as an admin would.
export const BENCH_RULES = [
  { id: 'urgent', field: 'priority', value: 'high', match: 'any', conditions: [{ type: 'containsAny', words: ['urgent', 'asap', 'immediately', 'deadline', 'cannot log in'] }] },
  { id: 'invoices', field: 'category', value: 'billing', conditions: [{ type: 'containsAny', words: ['invoice', 'refund', 'charged', 'payment'] }] },
  { id: 'parcels', field: 'category', value: 'shipping', conditions: [{ type: 'containsAny', words: ['parcel', 'delivery', 'tracking number', 'shipped'] }] },
];

/** Saves the rules configuration (PUT /api/admin/predictors/rules/config), which restarts that predictor. */
export async function configurePredictors(admin) {
  await admin.put('/api/admin/predictors/rules/config', { config: { rules: BENCH_RULES } });
}
