import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SerializedLearnedModel, TrainingExample, TrainProgress } from '@autocase/predictors/learned';

/** The worker script beside this module (`.js` when built, `.ts` when run from source). */
const WORKER_URL = new URL(`./learned-train-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

type WorkerMessage = { type: 'progress'; progress: TrainProgress } | { type: 'done'; model: SerializedLearnedModel } | { type: 'error'; message: string };

/**
 * Trains a learned model in a worker thread, so the API keeps answering requests while a
 * model for thousands of examples trains (seconds of CPU). Resolves to the serialised model.
 */
export function trainInWorker(examples: TrainingExample[], options: { seed: number; trainedAt: Date }, onProgress?: (progress: TrainProgress) => void): Promise<SerializedLearnedModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { examples, seed: options.seed, trainedAt: options.trainedAt.toISOString() } });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.model));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the training worker stopped (exit code ${code}) before finishing`))));
  });
}
