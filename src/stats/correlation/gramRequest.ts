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
   * to unit norm first (standardizeCompleteInto's formula), and the product is Pearson's r (diagonal
   * exactly 1, values clamped to [-1, 1] against rounding). Without it the rows are used as written.
   * Asked just before the row is written. WHY then: a caller that checks the row on the way (finite, not
   * constant) reads it from memory once, and the copy that follows reads it from the cache. NaN rejects the
   * row: the product stops before any multiply-add and its outcome says `rejected`.
   */
  rowSum?: (row: number) => number;
  /**
   * Where the rows*rows product goes, row-major. Absent: into a new array (GramOutcome.product). WHY let the
   * kernel choose: a split product then hands over its helper's answer, whose memory that thread has already
   * paged in; a fresh array of 8 MB (1000 rows) costs about 5 ms of page faults on first write.
   */
  out?: Float64Array;
  checkpoint?: Checkpoint;
  /**
   * Work of the caller's that needs nothing from the product (filling the pair counts): run once, after
   * every row is accepted and before the product is complete. WHY here: a product split across two
   * threads runs it on this thread while the helper computes, and shares its cost through the split.
   */
  alongside?: () => void;
}

/** The RowWriter of rows stored row-major in one array, `len` values each. */
export function rowsOf(z: Float64Array, len: number): RowWriter {
  return (i, into, at) => into.set(z.subarray(i * len, (i + 1) * len), at);
}
