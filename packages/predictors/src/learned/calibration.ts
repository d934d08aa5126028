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
