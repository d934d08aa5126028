import { describe, expect, it } from 'vitest';
import { parseQualityReport } from './quality-report.mjs';
import { issueTargets } from './section-quality.mjs';

const report = `
BANKING77 — train 7967, validate 2036 (stratified 80/20, seed 42)
  accuracy 91.65 %   macro-F1 91.64 %
  confidence ≥ 0.70: precision 95.52 %, coverage 91.01 %
  coverage at 98 % precision: 79.42 % (confidence ≥ 0.900)
  training time (8k): 5.06 s
  training time (all 10k): 6.97 s
  prediction p50 / p99: 0.073 ms / 0.599 ms

Bitext intent — 5-fold cross-validation over 6744
  accuracy 99.79 %   macro-F1 99.80 %
  confidence ≥ 0.70: precision 99.85 %, coverage 99.87 %
`;

describe('issueTargets', () => {
  it('turns the quality report into pass/fail rows against the learned predictor targets', () => {
    const rows = issueTargets(parseQualityReport(report));
    const verdicts = Object.fromEntries(rows.map((row) => [row.figure, [row.value, row.pass]]));
    expect(verdicts).toEqual({
      'Learned target: BANKING77 accuracy (80/20)': ['91.7 %', false],
      'Learned target: BANKING77 at the default threshold 0.7': ['precision 95.5 %, coverage 91.0 %', false],
      'Learned target: training on 10k examples, one core': ['6.97 s', true],
      'Learned target: prediction p99': ['0.599 ms', true],
      'Learned target: Bitext intent (5-fold)': ['99.8 %', true],
    });
    expect(rows[1].range).toBe('98 % precision kept on 79.42 % (confidence ≥ 0.900)');
  });
});
