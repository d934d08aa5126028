import { describe, expect, it } from 'vitest';
import { deserializeLearnedModel, TextClassifier } from '@autocase/predictors/learned';
import { trainInWorker } from './train-in-worker.js';

const examples = Array.from({ length: 20 }, (_, index) => [
  { text: `please refund my money for order ${index}`, label: 'refund' },
  { text: `where is my parcel, tracking ${index}`, label: 'shipping' },
]).flat();

describe('trainInWorker', () => {
  it('trains in a worker thread, reporting progress, and returns a usable serialised model', async () => {
    const stages: string[] = [];
    const model = await trainInWorker(examples, { seed: 1, trainedAt: new Date('2026-01-01T00:00:00Z') }, (progress) => stages.push(progress.stage));
    expect(model).toMatchObject({ labels: ['refund', 'shipping'], trainedAt: '2026-01-01T00:00:00.000Z' });
    expect(stages.at(-1)).toBe('done');
    expect(new TextClassifier(deserializeLearnedModel(model)).classify('I want a refund of my money')?.label).toBe('refund');
  });

  it('rejects with the trainer\'s message', async () => {
    await expect(trainInWorker([{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }], { seed: 1, trainedAt: new Date() })).rejects.toThrow(/at least two distinct labels/);
  });
});
