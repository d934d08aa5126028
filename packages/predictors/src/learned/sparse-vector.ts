/** A sparse row: sorted feature indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}
