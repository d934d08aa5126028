/** A sparse row: sorted feature indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Builds a sparse vector from a count map, keeping indices sorted. */
export function sparseFromCounts(counts: Map<number, number>): SparseVector {
  const indices = Int32Array.from(counts.keys()).sort();
  const values = new Float32Array(indices.length);
  indices.forEach((index, position) => {
    values[position] = counts.get(index) ?? 0;
  });
  return { indices, values };
}

/** Scales the vector in place to unit Euclidean length (no-op for an empty vector). */
export function normalizeL2(vector: SparseVector): SparseVector {
  let sumOfSquares = 0;
  for (const value of vector.values) sumOfSquares += value * value;
  if (sumOfSquares === 0) return vector;
  const scale = 1 / Math.sqrt(sumOfSquares);
  for (let position = 0; position < vector.values.length; position += 1) vector.values[position]! *= scale;
  return vector;
}
