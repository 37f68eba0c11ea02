import type { AdjustMethod, AutocorrelationCorrection, ReasonCode } from '../contract';
import { adjustMatrix } from './adjustMatrix';
import { effectiveSampleSize } from './effectiveSampleSize';

/** The test of one pair, supplied by the stage (plain or partial correlation, Pearson or Kendall). */
export interface PairTest {
  /** p-value for independent samples, from the pair's n pairwise-complete observations. */
  naive(cell: number, r: number, n: number): number;
  /** p-value with the effective sample size; only called when the autocorrelation correction is on. */
  corrected(cell: number, r: number, nEff: number, naive: number): number;
}

export interface PairSignificance {
  /** p with the chosen correction, mirrored to both cells (NaN where r is undefined). */
  p: Float64Array;
  pNaive: Float64Array;
  nEff: Float64Array;
  /** p adjusted for multiple testing over the upper triangle, mirrored. */
  q: Float64Array;
}

/**
 * The significance of every pair of a symmetric N x N correlation matrix, shared by the plain and the
 * partial matrix: effective sample size from the series' lag-1 autocorrelations (Bretherton), naive and
 * corrected p-values from the stage's test, then the multiple-testing adjustment over the matrix.
 * Cells with no finite r stay NaN and are not part of the family.
 */
export function pairSignificance(
  r: Float64Array,
  n: ArrayLike<number>,
  N: number,
  /** Lag-1 autocorrelation of row/column i of the matrix. */
  lag1: (i: number) => number,
  correction: AutocorrelationCorrection,
  adjust: AdjustMethod,
  test: PairTest
): PairSignificance {
  const size = N * N;
  const p = new Float64Array(size).fill(NaN);
  const pNaive = new Float64Array(size).fill(NaN);
  const nEff = new Float64Array(size).fill(NaN);
  const upper = new Float64Array(size).fill(NaN);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const c = i * N + j;
      if (!Number.isFinite(r[c])) {
        continue;
      }
      const ne = correction === 'none' ? n[c] : effectiveSampleSize(n[c], lag1(i), lag1(j));
      const pn = test.naive(c, r[c], n[c]);
      const pc = correction === 'none' ? pn : test.corrected(c, r[c], ne, pn);
      for (const cell of [c, j * N + i]) {
        p[cell] = pc;
        pNaive[cell] = pn;
        nEff[cell] = ne;
      }
      upper[c] = pc;
    }
  }
  return { p, pNaive, nEff, q: adjustMatrix(upper, N, adjust) };
}

/**
 * The reason of every off-diagonal cell, so that every null carries one: the kernel's reason, else
 * 'skipped' for a cell without r, else 'effective_n_too_small' for an r without a p-value (or without
 * an interval, when `interval` is given). The diagonal keeps the kernel's reason.
 */
export function cellReasons(
  kernel: ReadonlyArray<ReasonCode | null>,
  r: Float64Array,
  p: Float64Array,
  N: number,
  interval?: Float64Array
): Array<ReasonCode | null> {
  return kernel.map((why, c) => {
    if (why !== null || c % (N + 1) === 0) {
      return why;
    }
    if (!Number.isFinite(r[c])) {
      return 'skipped';
    }
    return Number.isFinite(p[c]) && (!interval || Number.isFinite(interval[c])) ? null : 'effective_n_too_small';
  });
}
