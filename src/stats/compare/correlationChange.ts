import type { AdjustMethod } from '../contract';
import { pearsonMatrix } from '../correlation/pearsonMatrix';
import { adjustMatrix } from '../significance/adjustMatrix';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { fisherDeltaTest } from '../significance/fisherDeltaTest';
import type { Checkpoint } from '../util/cancel';

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
  const nEff = new Float64Array(N * N).fill(NaN);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const c = i * N + j;
      if (Number.isFinite(r[c])) {
        nEff[c] = nEff[j * N + i] = effectiveSampleSize(n[c], lag1[i], lag1[j]);
      }
    }
  }
  return { r, n, nEff };
}

export interface CorrelationChange {
  deltaR: Float64Array;
  z: Float64Array;
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
  const deltaR = new Float64Array(size).fill(NaN);
  const z = new Float64Array(size).fill(NaN);
  const p = new Float64Array(size).fill(NaN);
  const upper = new Float64Array(size).fill(NaN);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const c = i * N + j;
      const t = fisherDeltaTest(baseline.r[c], baseline.nEff[c], incident.r[c], incident.nEff[c]);
      const mirror = j * N + i;
      deltaR[c] = deltaR[mirror] = t.delta;
      z[c] = z[mirror] = t.z;
      p[c] = p[mirror] = t.p;
      upper[c] = t.p;
    }
  }
  return { deltaR, z, p, q: adjustMatrix(upper, N, adjust) };
}
