import type { ReasonCode } from '../contract';
import type { Checkpoint } from '../util/cancel';
import { centreInto } from '../util/centre';
import { isConstant } from '../util/isConstant';
import { gramMatrix, type GramOutcome } from './gramMatrix';
import { PairCorrelation, pearsonPair } from './pearsonPair';

export interface MatrixCorrelation {
  /** N*N row-major, NaN where undefined. */
  r: Float64Array;
  /** Pairwise-complete observations, N*N. */
  n: Float64Array;
  reason: Array<ReasonCode | null>;
  /** Why the WebAssembly kernel was wanted for this matrix but not used (gramMatrix.ts), else null. */
  kernelFallback: string | null;
  /** The Gram kernel that computed the complete series' block (null: fewer than one such series). */
  kernel: GramOutcome['kernel'] | null;
}

/**
 * Pearson correlation matrix with pandas' pairwise-complete semantics (DataFrame.corr with
 * min_periods = minOverlap).
 *
 * Fast path: series without missing values are centred and scaled to unit norm once and the matrix
 * is their Gram product (gramMatrix); memory is one N*T copy plus N*N. Pairs involving a series with
 * missing values fall back to `pairFn` (default: the exact pairwise two-pass formula) on their common
 * rows; Spearman passes a pair function that re-ranks the common rows.
 */
export function pearsonMatrix(
  series: Float64Array[],
  minOverlap: number,
  checkpoint?: Checkpoint,
  pairFn: (x: Float64Array, y: Float64Array, minOverlap: number) => PairCorrelation = pearsonPair
): MatrixCorrelation {
  const N = series.length;
  const T = N > 0 ? series[0].length : 0;
  const r = new Float64Array(N * N).fill(NaN);
  const n = new Float64Array(N * N);
  const reason: Array<ReasonCode | null> = new Array(N * N).fill(null);

  const complete: number[] = [];
  const isComplete = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const x = series[i];
    let ok = x.length === T;
    for (let t = 0; ok && t < T; t++) {
      ok = Number.isFinite(x[t]);
    }
    if (ok && T >= Math.max(2, minOverlap) && !isConstant(x)) {
      complete.push(i);
      isComplete[i] = 1;
    }
  }

  const M = complete.length;
  let kernelFallback: string | null = null;
  let kernel: GramOutcome['kernel'] | null = null;
  if (M > 0) {
    const z = new Float64Array(M * T);
    for (let c = 0; c < M; c++) {
      const { ss } = centreInto(series[complete[c]], z, c * T);
      const inv = 1 / Math.sqrt(ss);
      for (let t = 0; t < T; t++) {
        z[c * T + t] *= inv;
      }
    }
    const g = new Float64Array(M * M);
    ({ kernel, fallback: kernelFallback } = gramMatrix(z, M, T, g, checkpoint));
    for (let a = 0; a < M; a++) {
      const i = complete[a];
      for (let b = 0; b < M; b++) {
        const j = complete[b];
        const v = i === j ? 1 : g[a * M + b];
        r[i * N + j] = v > 1 ? 1 : v < -1 ? -1 : v;
        n[i * N + j] = T;
      }
    }
  }

  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      if (isComplete[i] && isComplete[j]) {
        continue;
      }
      const res = pairFn(series[i], series[j], minOverlap);
      const v = i === j && res.reason === null ? 1 : res.r;
      r[i * N + j] = r[j * N + i] = v;
      n[i * N + j] = n[j * N + i] = res.n;
      reason[i * N + j] = reason[j * N + i] =
        i === j && res.reason === 'insufficient_overlap' ? 'too_few_points' : res.reason;
    }
    checkpoint?.tick(N - i);
  }
  return { r, n, reason, kernelFallback, kernel };
}
