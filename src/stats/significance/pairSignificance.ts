import type { AdjustMethod, AutocorrelationCorrection } from '../contract';
import { reasonCodeOf, type ReasonMatrix } from '../contract/cells';
import { adjustTriangle } from './adjustMatrix';
import { effectiveSampleSize } from './effectiveSampleSize';
import { fisherBound, fisherTanhHalf, type FisherSpec } from './fisherInterval';
import { mirrorUpper } from './symmetric';

const SKIPPED = reasonCodeOf('skipped');
const EFFECTIVE_N_TOO_SMALL = reasonCodeOf('effective_n_too_small');

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
  /** Fisher-z interval bounds from nEff, when the caller asked for them (`interval`). */
  ciLow?: Float64Array;
  ciHigh?: Float64Array;
  /** Pairs with an r but an effective sample size <= 3, too small for a Fisher interval (or a p-value). */
  smallEffective: number;
}

/**
 * The significance of every pair of a symmetric N x N correlation matrix, shared by the plain and the
 * partial matrix: effective sample size from the series' lag-1 autocorrelations (Bretherton), naive and
 * corrected p-values from the stage's test, optionally the Fisher-z interval, then the multiple-testing
 * adjustment over the matrix. Cells with no finite r stay NaN and are not part of the family; the
 * diagonal is NaN. Every matrix holds finite numbers or NaN (a FlatMatrix as it is).
 *
 * WHY one pass: at 1000 series the matrix has half a million pairs, and each extra walk over the
 * N x N arrays (or a call and an object per pair) costs more than the arithmetic of a pair. The loop
 * writes the upper triangle row by row and mirrors each matrix once at the end (symmetric.ts).
 */
export function pairSignificance(
  r: Float64Array,
  n: ArrayLike<number>,
  N: number,
  /** Lag-1 autocorrelation of row/column i of the matrix. */
  lag1: ArrayLike<number>,
  correction: AutocorrelationCorrection,
  adjust: AdjustMethod,
  test: PairTest,
  interval?: FisherSpec
): PairSignificance {
  const size = N * N;
  const p = new Float64Array(size);
  const pNaive = new Float64Array(size);
  const nEff = new Float64Array(size);
  const lo = interval ? new Float64Array(size) : null;
  const hi = interval ? new Float64Array(size) : null;
  // The family of the adjustment in upper-triangle order (NaN: not a member).
  const family = new Float64Array((N * (N - 1)) / 2);
  const bretherton = correction !== 'none';
  let smallEffective = 0;
  for (let i = 0, k = 0; i < N; i++) {
    const r1i = lag1[i];
    for (let j = i + 1, c = i * N + j; j < N; j++, c++, k++) {
      const rc = r[c];
      if (!Number.isFinite(rc)) {
        p[c] = pNaive[c] = nEff[c] = family[k] = NaN;
        if (lo && hi) {
          lo[c] = hi[c] = NaN;
        }
        continue;
      }
      const nc = n[c];
      const ne = bretherton ? effectiveSampleSize(nc, r1i, lag1[j]) : nc;
      if (!(ne > 3)) {
        smallEffective++;
      }
      const pn = test.naive(c, rc, nc);
      const pc = bretherton ? test.corrected(c, rc, ne, pn) : pn;
      p[c] = family[k] = pc;
      pNaive[c] = pn;
      nEff[c] = ne;
      if (interval && lo && hi) {
        const t = fisherTanhHalf(interval, ne);
        lo[c] = fisherBound(rc, -t);
        hi[c] = fisherBound(rc, t);
      }
    }
  }
  const out: PairSignificance = {
    p: mirrorUpper(p, N),
    pNaive: mirrorUpper(pNaive, N),
    nEff: mirrorUpper(nEff, N),
    q: adjustTriangle(family, N, adjust),
    smallEffective,
  };
  if (lo && hi) {
    out.ciLow = mirrorUpper(lo, N);
    out.ciHigh = mirrorUpper(hi, N);
  }
  return out;
}

/**
 * The reason of every off-diagonal cell, so that every null carries one: the kernel's reason, else
 * 'skipped' for a cell without r, else 'effective_n_too_small' for an r without a p-value (or without
 * an interval, when `interval` is given). The diagonal keeps the kernel's reason. Written into `reason`
 * (the kernel's own fresh matrix of codes), which is returned.
 */
export function cellReasons(
  reason: ReasonMatrix,
  r: Float64Array,
  p: Float64Array,
  N: number,
  interval?: Float64Array
): ReasonMatrix {
  // The matrices are symmetric: each pair is judged once, from its upper cell, and both cells get the reason.
  for (let i = 0; i < N; i++) {
    for (let j = i + 1, c = i * N + j; j < N; j++, c++) {
      if (reason[c] !== 0) {
        continue;
      }
      let why = 0;
      if (!Number.isFinite(r[c])) {
        why = SKIPPED;
      } else if (!Number.isFinite(p[c]) || (interval && !Number.isFinite(interval[c]))) {
        why = EFFECTIVE_N_TOO_SMALL;
      }
      reason[c] = reason[j * N + i] = why;
    }
  }
  return reason;
}
