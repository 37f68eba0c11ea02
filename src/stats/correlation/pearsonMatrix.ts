import { reasonCodeOf, type ReasonMatrix } from '../contract/cells';
import type { Checkpoint } from '../util/cancel';
import type { GramOutcome } from './gramMatrix';
import { runGramSteps, type GramSteps } from './gramSteps';
import { PairCorrelation, pearsonPair } from './pearsonPair';

export interface MatrixCorrelation {
  /** N*N row-major, NaN where undefined. */
  r: Float64Array;
  /** Pairwise-complete observations, N*N. */
  n: Float64Array;
  /**
   * Why a cell has no r, per cell (codes, contract/cells.ts): all 0 when every series took the fast path.
   * Always allocated: zeroed, it is 1 MB at 1000 series, nothing next to the Gram product.
   */
  reason: ReasonMatrix;
  /** Why the WebAssembly kernel was wanted for this matrix but not used (gramMatrix.ts), else null. */
  kernelFallback: string | null;
  /** The Gram kernel that computed the complete series' block (null: fewer than one such series). */
  kernel: GramOutcome['kernel'] | null;
  /** Threads that computed the Gram product (2: split with a helper worker). */
  workers: GramOutcome['workers'];
}

/**
 * Pearson correlation matrix with pandas' pairwise-complete semantics (DataFrame.corr with
 * min_periods = minOverlap).
 *
 * Fast path: series without missing values go to the Gram kernel as they are, with their sums; the
 * kernel centres each one, scales it to unit norm and gives their Gram product as r (gramRequest.ts). Pairs involving a series with
 * missing values fall back to `pairFn` (default: the exact pairwise two-pass formula) on their common
 * rows; Spearman passes a pair function that re-ranks the common rows.
 */
export function pearsonMatrix(
  series: Float64Array[],
  minOverlap: number,
  checkpoint?: Checkpoint,
  pairFn?: (x: Float64Array, y: Float64Array, minOverlap: number) => PairCorrelation
): MatrixCorrelation {
  return runGramSteps(pearsonMatrixSteps(series, minOverlap, checkpoint, pairFn));
}

/** pearsonMatrix as steps that yield its Gram product to a driver (gramSteps.ts). */
export function* pearsonMatrixSteps(
  series: Float64Array[],
  minOverlap: number,
  checkpoint?: Checkpoint,
  pairFn: (x: Float64Array, y: Float64Array, minOverlap: number) => PairCorrelation = pearsonPair
): GramSteps<MatrixCorrelation> {
  const N = series.length;
  const T = N > 0 ? series[0].length : 0;
  const longEnough = T >= Math.max(2, minOverlap);

  // Most matrices have every series complete (finite, not constant, long enough): asked for as they are,
  // each checked as it goes to the kernel, and r is the product itself. Every pair then has all T points,
  // counted while a split product's helper computes (gramRequest.ts).
  // The sums found on the way are kept: a series that fails leaves the ones before it already summed.
  const summed = new Float64Array(N);
  const known = new Uint8Array(N);
  if (N > 0 && longEnough && series.every((x) => x.length === T)) {
    let n: Float64Array = new Float64Array(0);
    const outcome = yield {
      writeRow: (i, into, at) => into.set(series[i], at),
      rowSum: (i) => {
        summed[i] = finiteVaryingSum(series[i]);
        known[i] = 1;
        return summed[i];
      },
      rows: N,
      len: T,
      checkpoint,
      alongside: () => {
        n = new Float64Array(N * N).fill(T);
      },
    };
    if (!outcome.rejected) {
      const { product: r, kernel, fallback: kernelFallback, workers } = outcome;
      return { r, n, reason: new Uint8Array(N * N), kernelFallback, kernel, workers };
    }
  }

  // Some series are not complete: one pass per series decides which are, keeping its sum for the centring.
  const complete: number[] = [];
  const sums: number[] = [];
  const isComplete = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const sum = known[i] ? summed[i] : longEnough && series[i].length === T ? finiteVaryingSum(series[i]) : NaN;
    if (!Number.isNaN(sum)) {
      complete.push(i);
      sums.push(sum);
      isComplete[i] = 1;
    }
  }

  const M = complete.length;
  const r = new Float64Array(N * N).fill(NaN); // cells with an incomplete series are written pair by pair, below
  const n = new Float64Array(N * N);
  const reason: ReasonMatrix = new Uint8Array(N * N);
  let kernelFallback: string | null = null;
  let kernel: GramOutcome['kernel'] | null = null;
  let workers: GramOutcome['workers'] = 1;
  if (M > 0) {
    // The complete series as they are, with their sums: the kernel centres and scales each to unit norm.
    const g = new Float64Array(M * M);
    ({
      kernel,
      fallback: kernelFallback,
      workers,
    } = yield {
      writeRow: (c, into, at) => into.set(series[complete[c]], at),
      rowSum: (c) => sums[c],
      rows: M,
      len: T,
      out: g,
      checkpoint,
    });
    for (let a = 0; a < M; a++) {
      const i = complete[a];
      for (let b = 0; b < M; b++) {
        const j = complete[b];
        r[i * N + j] = g[a * M + b];
        n[i * N + j] = T;
      }
    }
  }

  // Pairs with an incomplete series, pair by pair.
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      if (isComplete[i] && isComplete[j]) {
        continue;
      }
      const res = pairFn(series[i], series[j], minOverlap);
      const v = i === j && res.reason === null ? 1 : res.r;
      r[i * N + j] = r[j * N + i] = v;
      n[i * N + j] = n[j * N + i] = res.n;
      reason[i * N + j] = reason[j * N + i] = reasonCodeOf(
        i === j && res.reason === 'insufficient_overlap' ? 'too_few_points' : res.reason
      );
    }
    checkpoint?.tick(N - i);
  }
  return { r, n, reason, kernelFallback, kernel, workers };
}

/**
 * The sum of x when every value is finite and not all are equal (the Gram fast path's condition), else
 * NaN. WHY this way: at 500 series of 10,080 points every pass over the input is 40 MB read from memory,
 * and a plain sum in four parts runs at the speed of memory, where a test per value would not. A sum is
 * finite exactly when every value is (a NaN or an infinity makes it NaN or infinite), short of an overflow,
 * which the engine's scaling to unit exponents rules out and which would only send the series to the
 * exact pairwise path. The values all equal the first when the scan for a different one runs to the end,
 * which for a varying series stops within the first few steps.
 */
function finiteVaryingSum(x: Float64Array): number {
  const T = x.length;
  const first = x[0];
  let t = 1;
  while (t < T && x[t] === first) {
    t++;
  }
  if (t === T) {
    return NaN;
  }
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < T; k += 4) {
    s0 += x[k];
    s1 += x[k + 1];
    s2 += x[k + 2];
    s3 += x[k + 3];
  }
  for (; k < T; k++) {
    s0 += x[k];
  }
  const sum = s0 + s1 + (s2 + s3);
  return sum - sum === 0 ? sum : NaN;
}
