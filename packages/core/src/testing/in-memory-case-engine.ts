import type { FieldDefinition } from '../domain/field-definition.js';
import type { Settings } from '../domain/settings.js';
import { PredictionRunner } from '../engine/prediction-runner.js';
import type { PredictorInstance } from '../plugins/predictor.js';
import type { SummarizerInstance } from '../plugins/summarizer.js';
import { CaseEngine } from '../use-cases/case-engine.js';
import type { CaseEngineDeps } from '../use-cases/case-engine-deps.js';
import { FixedClock } from './fixed-clock.js';
import { createInMemoryRepositories, type InMemoryRepositorySet } from './in-memory-repositories.js';
import { RecordingEventPublisher } from './recording-event-publisher.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

export interface InMemoryCaseEngineOptions {
  fields?: FieldDefinition[];
  settings?: Settings;
  /** Predictor instances by configured id (e.g. `FakePredictorInstance`s). */
  predictors?: Record<string, PredictorInstance> | Map<string, PredictorInstance>;
  summarizer?: SummarizerInstance;
  clock?: FixedClock;
  predictionTimeoutMs?: number;
}

export interface InMemoryCaseEngine {
  engine: CaseEngine;
  deps: CaseEngineDeps;
  repositories: InMemoryRepositorySet;
  clock: FixedClock;
  events: RecordingEventPublisher;
}

/** A CaseEngine over in-memory ports, a fixed clock and recorded events, for tests. */
export function createInMemoryCaseEngine(options: InMemoryCaseEngineOptions = {}): InMemoryCaseEngine {
  const clock = options.clock ?? new FixedClock();
  const repositories = createInMemoryRepositories({
    clock,
    ...(options.fields ? { fields: options.fields } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  const events = new RecordingEventPublisher();
  const predictors = options.predictors instanceof Map ? options.predictors : new Map(Object.entries(options.predictors ?? {}));
  const deps: CaseEngineDeps = {
    ...repositories,
    clock,
    events,
    predictors: new PredictionRunner(predictors, options.predictionTimeoutMs ? { timeoutMs: options.predictionTimeoutMs } : {}),
    ids: new SequentialIdGenerator('entry'),
    ...(options.summarizer ? { summarizer: options.summarizer } : {}),
  };
  return { engine: new CaseEngine(deps), deps, repositories, clock, events };
}
