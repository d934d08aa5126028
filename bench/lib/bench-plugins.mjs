// The predictor plugins the benchmarked API runs: the first-party non-LLM ones, with a small
// rules configuration over the demo fields (as an admin would write it). The learned predictor
// is not listed: the API runs it itself once a model is trained (predictor administration).
export const BENCH_PLUGINS = [
  {
    kind: 'predictor',
    package: '@autocase/predictors/rules',
    config: {
      rules: [
        { id: 'urgent', field: 'priority', value: 'high', match: 'any', conditions: [{ type: 'containsAny', words: ['urgent', 'asap', 'immediately', 'deadline', 'cannot log in'] }] },
        { id: 'invoices', field: 'category', value: 'billing', conditions: [{ type: 'containsAny', words: ['invoice', 'refund', 'charged', 'payment'] }] },
        { id: 'parcels', field: 'category', value: 'shipping', conditions: [{ type: 'containsAny', words: ['parcel', 'delivery', 'tracking number', 'shipped'] }] },
      ],
    },
  },
  { kind: 'predictor', package: '@autocase/predictors/regex' },
  { kind: 'summarizer', package: '@autocase/predictors/summarizers' },
];
