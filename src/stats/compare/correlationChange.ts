import type { AdjustMethod } from '../contract';
import { pearsonMatrix } from '../correlation/pearsonMatrix';
import { adjustTriangle } from '../significance/adjustMatrix';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { fisherDeltaP, fisherDeltaPs, fisherDeltaZ, fisherDeltaZs } from '../significance/fisherDeltaTest';
import { fromUpperTriangle, mirrorUpper, upperCell } from '../significance/symmetric';
import type { Checkpoint } from '../util/cancel';
import { asFlatMatrix } from '../util/missing';

/** The correlation of every pair in one window, with what each pair's effective size is read from. */
export interface WindowCorrelation {
  r: Float64Array;
  n: Float64Array;
  /** The series' lag-1 autocorrelations inside the window (AR(1)-equivalent). */
  lag1: ArrayLike<number>;
}

/**
 * Pearson matrix of one window (pairwise complete, the matrix stage's kernel); each pair's Bretherton
 * effective size is pairNEff's, from the series' lag-1 autocorrelations inside that window.
 */
export function windowCorrelation(
  slices: Float64Array[],
  lag1: ArrayLike<number>,
  minOverlap: number,
  checkpoint?: Checkpoint
): WindowCorrelation {
  const { r, n } = pearsonMatrix(slices, minOverlap, checkpoint);
  // The result's matrices hold finite numbers or NaN (FlatMatrix); guarded here, before Δr and the
  // tests read r, so nothing computed from it needs the guard again.
  return { r: asFlatMatrix(r), n, lag1 };
}

/**
 * Effective size of pair (i, j) in the window, from its upper cell (NaN where the pair has no r). WHY
 * on demand, not a matrix: the change test reads each pair once and the links read a few rows.
 */
export function pairNEff(w: WindowCorrelation, i: number, j: number): number {
  return cellNEff(w, upperCell(i, j, w.lag1.length), Math.min(i, j), Math.max(i, j));
}

/** pairNEff of the pair i < j whose upper cell is c. */
function cellNEff(w: WindowCorrelation, c: number, i: number, j: number): number {
  return Number.isNaN(w.r[c]) ? NaN : effectiveSampleSize(w.n[c], w.lag1[i], w.lag1[j]);
}

/** One pair's change between the windows, read on its upper cell (where correlationChange tests it). */
export interface PairChange {
  /** r_incident − r_baseline. */
  deltaR: number;
  /** Fisher's z test with each window's effective size (fisherDeltaTest.ts); NaN: no test. */
  z: number;
  p: number;
}

/** The change of pair (i, j), i ≠ j: the values correlationChange's matrices hold in both of its cells. */
export function pairChange(baseline: WindowCorrelation, incident: WindowCorrelation, i: number, j: number): PairChange {
  const c = upperCell(i, j, baseline.lag1.length);
  const z = fisherDeltaZ(baseline.r[c], pairNEff(baseline, i, j), incident.r[c], pairNEff(incident, i, j));
  return { deltaR: incident.r[c] - baseline.r[c], z, p: fisherDeltaP(z) };
}

/** Δr and its test for every pair, for the result's matrices. */
export interface CorrelationChange {
  deltaR: Float64Array;
  p: Float64Array;
  /** p adjusted over the upper triangle. */
  q: Float64Array;
}

/**
 * Δr = r_incident − r_baseline for every pair, Fisher z test with effective sizes (pairChange's values),
 * q over the matrix.
 */
export function correlationChange(
  baseline: WindowCorrelation,
  incident: WindowCorrelation,
  N: number,
  adjust: AdjustMethod
): CorrelationChange {
  const size = N * N;
  const deltaR = new Float64Array(size);
  // Each pair's r and effective size in both windows, in upper-triangle order as the loop meets them (the
  // family adjustTriangle takes), then z and p for all of them in loops of their own (fisherDeltaZs,
  // fisherDeltaPs): called pair by pair, V8 boxed the doubles handed across (megabytes per compare).
  const pairs = (N * (N - 1)) / 2;
  const [rB, nB, rI, nI, family] = Array.from({ length: 5 }, () => new Float64Array(pairs));
  const [rb, ri] = [baseline.r, incident.r];
  for (let i = 0, k = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++, k++) {
      // pairChange's arithmetic without an object per pair, on the upper cell c that pairNEff would find.
      const c = i * N + j;
      deltaR[c] = ri[c] - rb[c];
      rB[k] = rb[c];
      rI[k] = ri[c];
      nB[k] = cellNEff(baseline, c, i, j);
      nI[k] = cellNEff(incident, c, i, j);
    }
  }
  fisherDeltaPs(fisherDeltaZs(rB, nB, rI, nI, family), family);
  return {
    deltaR: mirrorUpper(deltaR, N),
    p: fromUpperTriangle(family, N),
    q: adjustTriangle(family, N, adjust),
  };
}
