import type { AdjustMethod } from '../contract';
import { pearsonMatrix } from '../correlation/pearsonMatrix';
import { adjustTriangle } from '../significance/adjustMatrix';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { fisherDeltaP, fisherDeltaZ } from '../significance/fisherDeltaTest';
import { mirrorUpper } from '../significance/symmetric';
import type { Checkpoint } from '../util/cancel';
import { asFlatMatrix } from '../util/missing';

/** The correlation of every pair in one window, with each pair's effective size. */
export interface WindowCorrelation {
  r: Float64Array;
  n: Float64Array;
  nEff: Float64Array;
}

/**
 * Pearson matrix of one window (pairwise complete, the matrix stage's kernel) and the Bretherton
 * effective size of every pair from the series' lag-1 autocorrelations inside that window.
 */
export function windowCorrelation(
  slices: Float64Array[],
  lag1: ArrayLike<number>,
  minOverlap: number,
  checkpoint?: Checkpoint
): WindowCorrelation {
  const N = slices.length;
  const { r, n } = pearsonMatrix(slices, minOverlap, checkpoint);
  // The result's matrices hold finite numbers or NaN (FlatMatrix); guarded here, before Δr and the
  // tests read r, so nothing computed from it needs the guard again.
  asFlatMatrix(r);
  // The upper triangle pair by pair, then the tiled mirror copy (symmetric.ts): writing both cells of a
  // pair in the loop touches one cache line per lower cell.
  const nEff = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const c = i * N + j;
      nEff[c] = Number.isNaN(r[c]) ? NaN : effectiveSampleSize(n[c], lag1[i], lag1[j]);
    }
  }
  const diagonal = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    diagonal[i] = nEff[i * N + i];
  }
  mirrorUpper(nEff, N);
  for (let i = 0; i < N; i++) {
    nEff[i * N + i] = diagonal[i];
  }
  return { r, n, nEff };
}

export interface CorrelationChange {
  deltaR: Float64Array;
  /** Fisher's z test of each pair (fisherDeltaTest.ts); its z is taken again for the few cells that report it. */
  p: Float64Array;
  /** p adjusted over the upper triangle. */
  q: Float64Array;
}

/** Δr = r_incident − r_baseline for every pair, Fisher z test with effective sizes, q over the matrix. */
export function correlationChange(
  baseline: WindowCorrelation,
  incident: WindowCorrelation,
  N: number,
  adjust: AdjustMethod
): CorrelationChange {
  const size = N * N;
  const deltaR = new Float64Array(size);
  const p = new Float64Array(size);
  // The family in upper-triangle order as the loop meets it (adjustTriangle), not an N x N copy.
  const family = new Float64Array((N * (N - 1)) / 2);
  for (let i = 0, k = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++, k++) {
      const c = i * N + j;
      deltaR[c] = incident.r[c] - baseline.r[c];
      p[c] = family[k] = fisherDeltaP(fisherDeltaZ(baseline.r[c], baseline.nEff[c], incident.r[c], incident.nEff[c]));
    }
  }
  return {
    deltaR: mirrorUpper(deltaR, N),
    p: mirrorUpper(p, N),
    q: adjustTriangle(family, N, adjust),
  };
}
