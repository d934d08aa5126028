import { describe, expect, it } from 'vitest';
import { scoreRow, trainOneVsRestSvm } from './linear-svm.js';
import { seededRandom } from './seeded-random.js';
import type { SparseVector } from './sparse-vector.js';

/** Three classes, each with its own few indicative features among shared noise. */
function syntheticRows(count: number, seed: number): { rows: SparseVector[]; labels: Int32Array } {
  const random = seededRandom(seed);
  const rows: SparseVector[] = [];
  const labels = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    const label = index % 3;
    const columns = new Set<number>([label * 5 + Math.floor(random() * 5)]);
    while (columns.size < 6) columns.add(15 + Math.floor(random() * 30));
    if (random() < 0.1) columns.add(((label + 1) % 3) * 5 + Math.floor(random() * 5));
    const indices = Int32Array.from([...columns].sort((left, right) => left - right));
    const values = new Float32Array(indices.length).fill(1 / Math.sqrt(indices.length));
    rows.push({ indices, values });
    labels[index] = label;
  }
  return { rows, labels };
}

const options = { c: 1, maxEpochs: 200, tolerance: 0.01, seed: 1 };
const argmax = (scores: Float64Array) => scores.indexOf(Math.max(...scores));

describe('trainOneVsRestSvm', () => {
  it('separates the classes and reports each class done', async () => {
    const { rows, labels } = syntheticRows(300, 1);
    const done: number[] = [];
    const model = await trainOneVsRestSvm(rows, labels, 3, 45, options, (count) => void done.push(count));
    expect(done).toEqual([1, 2, 3]);
    const test = syntheticRows(300, 2);
    const right = test.rows.filter((row, index) => argmax(scoreRow(model, row)) === test.labels[index]).length;
    expect(right / test.rows.length).toBeGreaterThan(0.85);
    expect(model.dual).toHaveLength(3);
    expect(model.dual[0]).toHaveLength(300);
  });

  it('continues from the dual variables of a run on fewer rows to the same solution as a cold start', async () => {
    const { rows, labels } = syntheticRows(400, 3);
    const cold = await trainOneVsRestSvm(rows, labels, 3, 45, options);
    const part = await trainOneVsRestSvm(rows.slice(0, 300), labels.slice(0, 300), 3, 45, options);
    const warm = await trainOneVsRestSvm(rows, labels, 3, 45, { ...options, warmStart: part.dual });
    cold.weights.forEach((weight, index) => expect(warm.weights[index]).toBeCloseTo(weight, 1));
    const test = syntheticRows(200, 4);
    const agree = test.rows.filter((row) => argmax(scoreRow(cold, row)) === argmax(scoreRow(warm, row))).length;
    expect(agree / test.rows.length).toBeGreaterThan(0.98);
    // Starting from the solution itself, one pass leaves it where it is; a cold single pass does not get there.
    const again = await trainOneVsRestSvm(rows, labels, 3, 45, { ...options, maxEpochs: 1, warmStart: cold.dual });
    cold.weights.forEach((weight, index) => expect(again.weights[index]).toBeCloseTo(weight, 2));
    const onePass = await trainOneVsRestSvm(rows, labels, 3, 45, { ...options, maxEpochs: 1 });
    expect(Math.max(...onePass.weights.map((weight, index) => Math.abs(weight - cold.weights[index]!)))).toBeGreaterThan(0.05);
  });
});
