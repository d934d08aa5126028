import type { SparseVector } from './sparse-vector.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';

/**
 * Weights of a linear multi-class model; row-major by feature: `weights[feature * classCount + class]`.
 * A loaded model keeps them quantised (`Int8Array`, a quarter of the memory) with one `scales`
 * factor per class: weight = weights[i] × scales[class].
 */
export interface LinearWeights {
  classCount: number;
  dimension: number;
  weights: Float32Array | Int8Array;
  /** Per class, for quantised weights. */
  scales?: Float32Array;
  bias: Float32Array;
}

export interface SvmTrainOptions {
  /** Inverse regularisation strength (larger = fits the training data harder). */
  c: number;
  /** Upper bound on passes over the data per class. */
  maxEpochs: number;
  /** Stops a class early once the largest projected gradient falls below this. */
  tolerance: number;
  seed: number;
  /**
   * Dual variables of an earlier run per class (see {@link SvmModel.dual}) to start from; rows
   * beyond their length start at zero. Continuing a run after appending rows converges in a
   * fraction of the passes a cold start needs.
   */
  warmStart?: readonly Float64Array[];
}

/** A trained model with the dual variables (one per class and row) that can warm-start another run. */
export interface SvmModel extends LinearWeights {
  dual: Float64Array[];
}

/** Raw class scores of one row. */
export function scoreRow(model: LinearWeights, row: SparseVector, into = new Float64Array(model.classCount)): Float64Array {
  const { classCount, weights, bias, scales } = model;
  into.fill(0);
  for (let position = 0; position < row.indices.length; position += 1) {
    const value = row.values[position]!;
    const offset = row.indices[position]! * classCount;
    for (let label = 0; label < classCount; label += 1) into[label]! += value * weights[offset + label]!;
  }
  for (let label = 0; label < classCount; label += 1) into[label] = into[label]! * (scales ? scales[label]! : 1) + bias[label]!;
  return into;
}

/**
 * One-vs-rest linear SVM with squared hinge loss, trained by dual coordinate descent
 * (Hsieh et al. 2008, the LIBLINEAR solver). The bias is learned as a constant feature.
 * `onClass` is awaited after each class so a caller can report progress or abort.
 */
export async function trainOneVsRestSvm(
  rows: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  dimension: number,
  options: SvmTrainOptions,
  onClass?: (done: number) => void | Promise<void>,
): Promise<SvmModel> {
  const weights = new Float32Array(dimension * classCount);
  const bias = new Float32Array(classCount);
  const diagonal = 1 / (2 * options.c);
  // All rows in one compressed sparse row block: the inner loops walk contiguous memory.
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, index) => (starts[index + 1] = starts[index]! + row.indices.length));
  const columns = new Int32Array(starts[rows.length]!);
  const cells = new Float32Array(starts[rows.length]!);
  const norms = new Float64Array(rows.length);
  rows.forEach((row, index) => {
    columns.set(row.indices, starts[index]!);
    cells.set(row.values, starts[index]!);
    let sum = 1; // the bias feature
    for (const value of row.values) sum += value * value;
    norms[index] = sum;
  });
  const dual: Float64Array[] = [];
  const classWeights = new Float32Array(dimension);
  const order = Array.from(rows.keys());
  const random = seededRandom(options.seed);
  for (let label = 0; label < classCount; label += 1) {
    classWeights.fill(0);
    const alpha = new Float64Array(rows.length);
    dual.push(alpha);
    let classBias = 0;
    const start = options.warmStart?.[label];
    if (start) {
      for (let rowIndex = 0; rowIndex < Math.min(start.length, rows.length); rowIndex += 1) {
        const value = start[rowIndex]!;
        if (value === 0) continue;
        alpha[rowIndex] = value;
        const signed = labels[rowIndex] === label ? value : -value;
        for (let position = starts[rowIndex]!; position < starts[rowIndex + 1]!; position += 1) classWeights[columns[position]!]! += signed * cells[position]!;
        classBias += signed;
      }
    }
    // LIBLINEAR-style shrinking: rows whose constraint is clearly inactive leave the active set.
    let active = order.length;
    let upperBound = Infinity;
    for (let epoch = 0; epoch < options.maxEpochs; epoch += 1) {
      shuffleInPlace(order, random, active);
      let largest = -Infinity;
      let smallest = Infinity;
      for (let slot = 0; slot < active; slot += 1) {
        const rowIndex = order[slot]!;
        const from = starts[rowIndex]!;
        const to = starts[rowIndex + 1]!;
        const sign = labels[rowIndex] === label ? 1 : -1;
        let margin = classBias;
        for (let position = from; position < to; position += 1) margin += classWeights[columns[position]!]! * cells[position]!;
        const gradient = sign * margin - 1 + diagonal * alpha[rowIndex]!;
        let projected = gradient;
        if (alpha[rowIndex] === 0) {
          if (gradient > upperBound) {
            active -= 1;
            [order[slot], order[active]] = [order[active]!, order[slot]!];
            slot -= 1;
            continue;
          }
          projected = Math.min(gradient, 0);
        }
        largest = Math.max(largest, projected);
        smallest = Math.min(smallest, projected);
        if (Math.abs(projected) < 1e-12) continue;
        const previous = alpha[rowIndex]!;
        alpha[rowIndex] = Math.max(previous - gradient / (norms[rowIndex]! + diagonal), 0);
        const delta = (alpha[rowIndex]! - previous) * sign;
        for (let position = from; position < to; position += 1) classWeights[columns[position]!]! += delta * cells[position]!;
        classBias += delta;
      }
      if (largest - smallest <= options.tolerance) {
        if (active === order.length) break;
        active = order.length;
        upperBound = Infinity;
        continue;
      }
      upperBound = largest > 0 ? largest : Infinity;
    }
    for (let feature = 0; feature < dimension; feature += 1) weights[feature * classCount + label] = classWeights[feature]!;
    bias[label] = classBias;
    await onClass?.(label + 1);
  }
  return { classCount, dimension, weights, bias, dual };
}
