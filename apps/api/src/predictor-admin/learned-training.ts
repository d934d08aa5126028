import type { CaseRepository, Clock, ConfigurationRepository, ConversationRepository } from '@autocase/core';
import type { TrainingExample } from '@autocase/predictors/learned';
import type { LearnedModelStore, LearnedModelVersion } from './learned-model-store.js';
import { customerText, importedExamples, isHeldOutOfTraining, resolvedCaseExamples } from './labelled-examples.js';
import { PREDICTOR_DOCUMENT, type PredictorDocuments } from './predictor-documents.js';
import { trainInWorker } from './train-in-worker.js';
import type { TrainingExampleStore } from './training-example-store.js';

export const LEARNED_TRAIN_JOB = 'predictors.learned.train';
/** Prefix of training job ids (one id per request; a second request while one runs answers its status). */
export const LEARNED_TRAIN_JOB_ID = 'predictors-learned-train';

export interface TrainingStatus {
  status: 'untrained' | 'training' | 'ready' | 'failed';
  /** 0..1 over the whole run. */
  progress: number;
  stage: 'queued' | 'collecting' | 'vectorizing' | 'training' | 'calibrating' | 'saving' | 'done' | null;
  /** The field being trained, during training. */
  currentField: string | null;
  reason: 'manual' | 'schedule' | null;
  jobId: string | null;
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** When the active models were trained. */
  trainedAt: string | null;
  message: string | null;
  /** Examples used by the last run: imported rows and resolved/closed cases. */
  importedExamples: number;
  storedCases: number;
  /** Fields without enough examples in the last run, with why. */
  skipped: { field: string; reason: string }[];
  /** Stored examples kept out of the last training (1 in 10, by text) for backtests to score. */
  heldOutExamples: number;
}

export const UNTRAINED: TrainingStatus = {
  status: 'untrained', progress: 0, stage: null, currentField: null, reason: null, jobId: null, requestedAt: null, startedAt: null,
  finishedAt: null, trainedAt: null, message: null, importedExamples: 0, storedCases: 0, skipped: [], heldOutExamples: 0,
};

export interface LearnedTrainingDeps {
  configuration: ConfigurationRepository;
  cases: CaseRepository;
  conversations: ConversationRepository;
  examples: TrainingExampleStore;
  models: LearnedModelStore;
  documents: PredictorDocuments;
  clock: Clock;
  /** Loads the new active models into the running learned predictor. */
  activate(): Promise<void>;
}

export async function readTrainingStatus(documents: PredictorDocuments): Promise<TrainingStatus> {
  return { ...UNTRAINED, ...((await documents.get<Partial<TrainingStatus>>(PREDICTOR_DOCUMENT.learnedStatus)) ?? {}) };
}

async function updateStatus(documents: PredictorDocuments, change: Partial<TrainingStatus>): Promise<TrainingStatus> {
  const next = { ...(await readTrainingStatus(documents)), ...change };
  await documents.put(PREDICTOR_DOCUMENT.learnedStatus, next);
  return next;
}

/** Marks a training as queued (the job may wait behind others). */
export function markTrainingQueued(documents: PredictorDocuments, jobId: string, reason: 'manual' | 'schedule', at: string): Promise<TrainingStatus> {
  return updateStatus(documents, { status: 'training', progress: 0, stage: 'queued', currentField: null, reason, jobId, requestedAt: at, message: null });
}

export function markTrainingFailed(documents: PredictorDocuments, message: string, at: string): Promise<TrainingStatus> {
  return updateStatus(documents, { status: 'failed', stage: null, currentField: null, finishedAt: at, message });
}

/**
 * The training job: collects the labelled examples (imported rows and resolved/closed cases
 * with agent-confirmed values) of every choice/lookup field, trains one model per field with
 * at least two labels, stores each as a new active version and loads them into the predictor.
 */
export async function runLearnedTraining(deps: LearnedTrainingDeps, job: { jobId: string; reason: 'manual' | 'schedule' }): Promise<LearnedModelVersion[]> {
  const { documents } = deps;
  await updateStatus(documents, { status: 'training', progress: 0, stage: 'collecting', currentField: null, jobId: job.jobId, reason: job.reason, startedAt: deps.clock.now().toISOString(), finishedAt: null, message: null });
  try {
    const fields = (await deps.configuration.getFields()).filter((field) => field.type === 'choice' || field.type === 'lookup');
    const byField = new Map(fields.map((field) => [field.key, [] as TrainingExample[]]));
    const sources = new Map(fields.map((field) => [field.key, { imported: 0, resolvedCases: 0 }]));
    let imported = 0;
    let storedCases = 0;
    const collect = (text: string, expected: Record<string, unknown>, origin: 'imported' | 'resolvedCases') => {
      if (!text.trim()) return;
      for (const [key, value] of Object.entries(expected)) {
        const list = byField.get(key);
        if (!list || value === null || value === undefined || value === '') continue;
        list.push({ text, label: String(value) });
        sources.get(key)![origin] += 1;
      }
    };
    let heldOut = 0;
    for await (const example of importedExamples(deps.examples)) {
      imported += 1;
      if (isHeldOutOfTraining(example)) heldOut += 1;
      else collect(customerText(example), example.expected, 'imported');
    }
    for await (const example of resolvedCaseExamples(deps.cases, deps.conversations)) {
      storedCases += 1;
      if (isHeldOutOfTraining(example)) heldOut += 1;
      else collect(customerText(example), example.expected, 'resolvedCases');
    }
    const trainable = [...byField.entries()].filter(([, examples]) => new Set(examples.map((example) => example.label)).size >= 2);
    const skipped = [...byField.entries()]
      .filter(([key]) => !trainable.some(([trainableKey]) => trainableKey === key))
      .map(([field, examples]) => ({ field, reason: examples.length === 0 ? 'no labelled examples' : 'needs examples of at least two different values' }));
    await updateStatus(documents, { importedExamples: imported, storedCases, heldOutExamples: heldOut, skipped, progress: 0.05 });
    if (trainable.length === 0) throw new Error(fields.length === 0 ? 'there are no choice or lookup fields to train' : 'no choice or lookup field has labelled examples of at least two different values; import historical cases first');

    const versions: LearnedModelVersion[] = [];
    const trainedAt = deps.clock.now();
    for (const [index, [field, examples]] of trainable.entries()) {
      let lastWrite = 0;
      let progressWrites = Promise.resolve();
      const model = await trainInWorker(examples, { seed: 1, trainedAt }, (progress) => {
        const overall = 0.05 + (0.9 * (index + progress.fraction)) / trainable.length;
        const now = Date.now();
        if (now - lastWrite < 500 && progress.stage !== 'done') return;
        lastWrite = now;
        const stage = progress.stage === 'done' ? 'saving' : progress.stage;
        progressWrites = progressWrites.then(() => updateStatus(documents, { progress: overall, stage, currentField: field })).then(() => undefined);
      });
      await progressWrites;
      const metrics = {
        trainingExamples: model.trainingExamples,
        validationExamples: model.heldOut.examples,
        validationAccuracy: model.heldOut.examples > 0 ? model.heldOut.accuracy : null,
        thresholds: model.heldOut.atThresholds ?? null,
        labels: model.labels.length,
        sources: sources.get(field)!,
      };
      versions.push(await deps.models.saveAndActivate(field, model, metrics, trainedAt.toISOString()));
    }
    await deps.activate();
    await updateStatus(documents, { status: 'ready', progress: 1, stage: 'done', currentField: null, finishedAt: deps.clock.now().toISOString(), trainedAt: trainedAt.toISOString() });
    return versions;
  } catch (error) {
    await markTrainingFailed(documents, (error as Error).message, deps.clock.now().toISOString());
    throw error;
  }
}
