import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PredictionLogEntry } from '../domain/prediction.js';
import type { RepositorySet } from './in-memory-repositories.js';
import { caseDraft, useRepositorySet, type RepositoryContractOptions, type RepositorySetFactory } from './repository-contract-support.js';

/** The behaviour every PredictionLogRepository implementation must have (the set must include `predictionLog`). */
export function runPredictionLogRepositoryContract(
  name: string,
  factory: RepositorySetFactory<RepositorySet & { predictionLog: NonNullable<RepositorySet['predictionLog']> }>,
  options: RepositoryContractOptions<RepositorySet & { predictionLog: NonNullable<RepositorySet['predictionLog']> }> = {},
): void {
  describe(`PredictionLogRepository contract: ${name}`, () => {
    const repositories = useRepositorySet(factory, options);

    it('appends runs and lists a case’s runs oldest first, unchanged', async () => {
      const { cases, predictionLog } = repositories();
      const caseRecord = await cases.create(caseDraft());
      const entry = (at: string): PredictionLogEntry => ({
        id: randomUUID(),
        caseId: caseRecord.id,
        at,
        scope: 'updates',
        trigger: 'agent-request',
        changed: ['category'],
        decisions: [
          { field: 'category', predictor: { id: 'llm', version: '1' }, value: 'billing', confidence: 0.9, accepted: true, reason: 'accepted' },
          { field: 'email', predictor: { id: 'regex', version: '1' }, value: 'x', confidence: 1, accepted: false, reason: 'invalid-value', detail: 'not an email' },
        ],
        abstentions: [{ field: 'priority', reason: 'no-prediction', detail: 'no predictor proposed a value' }],
        errors: [{ predictorId: 'learned', code: 'TEMPORARY', message: 'model loading', retryable: true }],
        warnings: [{ predictorId: 'llm', message: 'redacted 1 phone number' }],
      });
      const first = entry('2026-01-01T09:00:00.000Z');
      const second = entry('2026-01-01T10:00:00.000Z');
      await predictionLog.append(first);
      await predictionLog.append(second);
      expect(await predictionLog.listForCase(caseRecord.id)).toEqual([first, second]);
    });
  });
}
