import type { ReasonCode } from '../contract';
import type { Checkpoint } from '../util/cancel';
import { standardizeCompleteInto } from '../util/centre';
import { gramMatrixOf, type GramOutcome } from './gramMatrix';
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
  const r = new Float64Array(N * N);
  const n = new Float64Array(N * N);
  const reason: Array<ReasonCode | null> = new Array(N * N).fill(null);

  // One pass per series decides whether it takes the fast path (every value finite, not constant,
  // long enough) and keeps its sum for the centring.
  const complete: number[] = [];
  const sums: number[] = [];
  const isComplete = new Uint8Array(N);
  const longEnough = T >= Math.max(2, minOverlap);
  for (let i = 0; i < N; i++) {
    const sum = longEnough && series[i].length === T ? finiteVaryingSum(series[i]) : NaN;
    if (!Number.isNaN(sum)) {
      complete.push(i);
      sums.push(sum);
      isComplete[i] = 1;
    }
  }

  const M = complete.length;
  if (M < N) {
    r.fill(NaN); // cells with an incomplete series are then written pair by pair, below
  }
  let kernelFallback: string | null = null;
  let kernel: GramOutcome['kernel'] | null = null;
  if (M > 0) {
    // Centred, unit-norm rows, written where the kernel reads them.
    const writeRows = (z: Float64Array) => {
      for (let c = 0; c < M; c++) {
        standardizeCompleteInto(series[complete[c]], z, c * T, sums[c]);
      }
    };
    if (M === N) {
      // Every series complete (the usual case): the kernel writes r itself, cleaned up in one pass.
      ({ kernel, fallback: kernelFallback } = gramMatrixOf(writeRows, M, T, r, checkpoint));
      for (let k = 0; k < N * N; k++) {
        r[k] = clampUnit(r[k]);
      }
      for (let i = 0; i < N; i++) {
        r[i * N + i] = 1;
      }
      n.fill(T);
    } else {
      const g = new Float64Array(M * M);
      ({ kernel, fallback: kernelFallback } = gramMatrixOf(writeRows, M, T, g, checkpoint));
      for (let a = 0; a < M; a++) {
        const i = complete[a];
        for (let b = 0; b < M; b++) {
          const j = complete[b];
          r[i * N + j] = i === j ? 1 : clampUnit(g[a * M + b]);
          n[i * N + j] = T;
        }
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

/**
 * The sum of x when every value is finite and not all are equal (the Gram fast path's condition), else
 * NaN. WHY one loop, two values a step: at 500 series of 10,080 points every pass over the input is 40 MB
 * read from memory, and two partial sums halve the wait on each addition. (v - v) is 0 exactly for a
 * finite v and NaN for NaN and +-Infinity, so one test covers both values.
 */
function finiteVaryingSum(x: Float64Array): number {
  const T = x.length;
  const first = x[0];
  let s0 = 0;
  let s1 = 0;
  let varies = false;
  let t = 0;
  for (; t + 1 < T; t += 2) {
    const a = x[t];
    const b = x[t + 1];
    if (a - a + (b - b) !== 0) {
      return NaN;
    }
    varies ||= a !== first || b !== first;
    s0 += a;
    s1 += b;
  }
  if (t < T) {
    const a = x[t];
    if (a - a !== 0) {
      return NaN;
    }
    varies ||= a !== first;
    s0 += a;
  }
  return varies ? s0 + s1 : NaN;
}

/** r within [-1, 1]: rounding can carry a Gram product of unit rows a few ulps past it. */
function clampUnit(v: number): number {
  return v > 1 ? 1 : v < -1 ? -1 : v;
}
