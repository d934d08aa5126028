// Worker-thread entry: trains one learned model off the API's event loop. Only package imports
// and erasable TypeScript, so it also runs from source under Node's type stripping (tests).
import { parentPort, workerData } from 'node:worker_threads';
import { serializeLearnedModel, trainLearnedModel, type TrainingExample } from '@autocase/predictors/learned';

interface TrainRequest {
  examples: TrainingExample[];
  seed: number;
  trainedAt: string;
}

const request = workerData as TrainRequest;
try {
  const model = await trainLearnedModel(request.examples, { seed: request.seed, trainedAt: new Date(request.trainedAt) }, (progress) => parentPort!.postMessage({ type: 'progress', progress }));
  parentPort!.postMessage({ type: 'done', model: serializeLearnedModel(model) });
} catch (error) {
  parentPort!.postMessage({ type: 'error', message: (error as Error).message });
}
