/** Softmax of scores divided by a temperature, in place. */
export function softmaxInPlace(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let label = 0; label < scores.length; label += 1) {
    const exponent = Math.exp((scores[label]! - max) / temperature);
    scores[label] = exponent;
    sum += exponent;
  }
  for (let label = 0; label < scores.length; label += 1) scores[label]! /= sum;
  return scores;
}

function negativeLogLikelihood(scoreRows: readonly Float64Array[], labels: Int32Array, temperature: number): number {
  let total = 0;
  const buffer = new Float64Array(scoreRows[0]?.length ?? 0);
  scoreRows.forEach((scores, index) => {
    buffer.set(scores);
    softmaxInPlace(buffer, temperature);
    total -= Math.log(Math.max(buffer[labels[index]!]!, 1e-12));
  });
  return total / Math.max(scoreRows.length, 1);
}

/**
 * Temperature scaling (Guo et al. 2017): the temperature that minimises the negative
 * log-likelihood of held-out labels, found by golden-section search over log T.
 */
export function fitTemperature(scoreRows: readonly Float64Array[], labels: Int32Array): number {
  if (scoreRows.length === 0) return 1;
  let low = Math.log(0.005);
  let high = Math.log(10);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = negativeLogLikelihood(scoreRows, labels, Math.exp(left));
  let rightLoss = negativeLogLikelihood(scoreRows, labels, Math.exp(right));
  for (let iteration = 0; iteration < 40; iteration += 1) {
    if (leftLoss < rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = negativeLogLikelihood(scoreRows, labels, Math.exp(left));
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = negativeLogLikelihood(scoreRows, labels, Math.exp(right));
    }
  }
  return Math.exp((low + high) / 2);
}

/**
 * What the confidence calibrator looks at in one row of class scores: the best score, its
 * margins over the second and third best, and the log-odds of the temperature-scaled softmax.
 */
export function confidenceFeatures(scores: ArrayLike<number>, temperature: number): number[] {
  let first = -Infinity;
  let second = -Infinity;
  let third = -Infinity;
  for (let label = 0; label < scores.length; label += 1) {
    const score = scores[label]!;
    if (score > first) [first, second, third] = [score, first, second];
    else if (score > second) [second, third] = [score, second];
    else if (score > third) third = score;
  }
  if (second === -Infinity) second = first;
  if (third === -Infinity) third = second;
  let sum = 0;
  for (let label = 0; label < scores.length; label += 1) sum += Math.exp((scores[label]! - first) / temperature);
  const top = 1 / sum;
  const logOdds = Math.log(Math.max(top, 1e-12)) - Math.log(Math.max(1 - top, 1e-12));
  return [1, first, first - second, first - third, logOdds];
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** The calibrated probability that the best label of a row is right. */
export function calibratedConfidence(coefficients: readonly number[], features: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < coefficients.length; index += 1) sum += coefficients[index]! * (features[index] ?? 0);
  return sigmoid(sum);
}

/** Fewest held-out right and wrong answers each before a confidence calibrator is fitted. */
export const MIN_CALIBRATION_OUTCOMES = 5;

/**
 * Fits the probability that the top label is right from {@link confidenceFeatures}, by
 * L2-regularised logistic regression (Newton's method) on held-out rows: Platt scaling with a
 * few more signals than the top score. Returns null when the held-out set has too few right or
 * wrong answers to learn from; the caller then falls back to the temperature-scaled softmax.
 */
export function fitConfidenceCalibrator(features: readonly number[][], correct: readonly boolean[], l2 = 0.01): number[] | null {
  const rights = correct.filter(Boolean).length;
  if (rights < MIN_CALIBRATION_OUTCOMES || correct.length - rights < MIN_CALIBRATION_OUTCOMES) return null;
  const size = features[0]!.length;
  const coefficients = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const gradient = coefficients.map((value, index) => (index === 0 ? 0 : l2 * value * features.length));
    const hessian = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => (row === column && row !== 0 ? l2 * features.length : 0)));
    features.forEach((row, index) => {
      const probability = calibratedConfidence(coefficients, row);
      const error = probability - (correct[index] ? 1 : 0);
      const weight = Math.max(probability * (1 - probability), 1e-9);
      for (let first = 0; first < size; first += 1) {
        gradient[first]! += error * row[first]!;
        for (let second = 0; second < size; second += 1) hessian[first]![second]! += weight * row[first]! * row[second]!;
      }
    });
    const step = solveLinearSystem(hessian, gradient);
    if (!step) break;
    let largest = 0;
    step.forEach((value, index) => {
      coefficients[index]! -= value;
      largest = Math.max(largest, Math.abs(value));
    });
    if (largest < 1e-8) break;
  }
  return coefficients.every(Number.isFinite) ? coefficients : null;
}

/** Gaussian elimination with partial pivoting; null when the system is singular. */
function solveLinearSystem(matrix: number[][], vector: number[]): number[] | null {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    if (Math.abs(rows[pivot]![column]!) < 1e-12) return null;
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const factor = rows[row]![column]! / rows[column]![column]!;
      for (let cell = column; cell <= size; cell += 1) rows[row]![cell]! -= factor * rows[column]![cell]!;
    }
  }
  return rows.map((row, index) => row[size]! / row[index]!);
}
