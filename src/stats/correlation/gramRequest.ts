import type { Checkpoint } from '../util/cancel';

/** Writes row `row` (its `len` values) into `into` from index `at`: how callers hand rows to a Gram kernel. */
export type RowWriter = (row: number, into: Float64Array, at: number) => void;

/**
 * A symmetric Gram product G = Z Z^T to compute, whichever kernel and however many threads compute it
 * (gramMatrix.ts, gramSplit.ts). Rows are written one at a time where the kernel reads them: no N*T copy.
 */
export interface GramRequest {
  /** Number of rows and values per row. */
  rows: number;
  len: number;
  writeRow: RowWriter;
  /**
   * Each row's plain sum when `writeRow` writes raw values: the kernel then centres each row and scales it
   * to unit norm first (standardizeCompleteInto's formula), and `out` is Pearson's r (diagonal exactly 1,
   * values clamped to [-1, 1] against rounding). Without it the rows are used as written.
   */
  sums?: ArrayLike<number>;
  /** rows*rows, row-major. */
  out: Float64Array;
  checkpoint?: Checkpoint;
}

/** The RowWriter of rows stored row-major in one array, `len` values each. */
export function rowsOf(z: Float64Array, len: number): RowWriter {
  return (i, into, at) => into.set(z.subarray(i * len, (i + 1) * len), at);
}
