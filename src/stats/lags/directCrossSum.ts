import { gramKernel } from '../correlation/wasm/gramKernel';
import { WasmLagSet, WasmLagSums } from './lagSumsWasm';

/** Lags summed together in one pass over the series. */
const LAG_BLOCK = 4;

/**
 * Fewest products (values x lags) for which the WebAssembly kernel pays for copying the series into its
 * memory and the calls into it. Measured for 8 lags: at 16 values it takes 2.3x the time of JavaScript,
 * at 32 values (256 products) 0.9x, at 64 values 0.6x; from 1,440 values on, 0.15-0.2x.
 */
export const WASM_MIN_PRODUCTS = 256;

/**
 * Cross sums S(k) = sum_t a[t] b[t+k] for k = -maxLag..maxLag by the direct O(T * L) sum; cheaper
 * than the FFT for short series or few lags. Reference semantics of np.correlate(b, a, 'full').
 */
export function directCrossSum(
  a: Float64Array,
  b: Float64Array,
  maxLag: number,
  out = new Float64Array(2 * maxLag + 1)
): Float64Array {
  return laggedSums(a, b, -maxLag, maxLag, out);
}

/**
 * Where crossCorrelation takes a pair's sums S(k), k = −maxLag..maxLag (index k + maxLag), when not from
 * directCrossSum: the FFT (fftCrossSum.ts) or a set of series kept in the kernel (crossSumSet).
 */
export interface CrossSumSource {
  crossSums(a: Float64Array, b: Float64Array, out?: Float64Array): Float64Array;
  /** Drops what the source keeps of x (a one-off input). */
  forget(x: Float64Array): void;
}

/**
 * directCrossSum for many pairs drawn from `series` (of equal length): with the WebAssembly kernel each
 * series is copied into its memory once (WasmLagSet) rather than once per pair; the same doubles. A pair
 * with an array outside the set is summed in JavaScript, which leaves the set in place. Null when the
 * kernel cannot take the set (no kernel, too little work per pair to pay for it, no memory): the caller
 * then sums pair by pair.
 */
export function crossSumSet(series: Float64Array[], maxLag: number): CrossSumSource | null {
  const len = series.length > 0 ? series[0].length : 0;
  const lags = 2 * maxLag + 1;
  const kernel = len * lags >= WASM_MIN_PRODUCTS ? gramKernel().exports : null;
  const set = kernel ? WasmLagSet.load(kernel, series, len, lags) : null;
  if (!set) {
    return null;
  }
  return {
    crossSums: (a, b, out = new Float64Array(lags)) =>
      set.has(a) && set.has(b) ? set.sums(a, b, -maxLag, maxLag, out) : laggedSumsJs(a, b, -maxLag, maxLag, out),
    forget: () => undefined,
  };
}

/** Lagged sums of one pair, for one range of lags or many. */
export interface LagSums {
  /** S(k) for k = first..last (index k − first). */
  sums(first: number, last: number, out?: Float64Array): Float64Array;
  /** Whether the WebAssembly kernel sums them (about 6x faster than JavaScript at 1,440 points). */
  readonly wasm: boolean;
}

/**
 * The lagged sums of a and b (of equal length; a === b for autocorrelations), for ranges of at most
 * `most` lags at a time: by the WebAssembly kernel (lagSumsWasm.ts) when there is one and `most` lags
 * of the series are work enough to pay for copying it, else in JavaScript (laggedSumsJs). Both give the
 * same doubles. The one place that chooses; valid until the next lag sum or Gram product of the thread.
 */
export function lagSumsOf(a: Float64Array, b: Float64Array, most: number): LagSums {
  const kernel = a.length === b.length && a.length * most >= WASM_MIN_PRODUCTS ? gramKernel().exports : null;
  const loaded = kernel ? WasmLagSums.load(kernel, a, b, most) : null;
  const fresh = (first: number, last: number) => new Float64Array(Math.max(0, last - first + 1));
  return loaded
    ? { wasm: true, sums: (first, last, out = fresh(first, last)) => loaded.sums(first, last, out) }
    : { wasm: false, sums: (first, last, out = fresh(first, last)) => laggedSumsJs(a, b, first, last, out) };
}

/** S(k) = sum_t a[t] b[t+k] for k = first..last (index k − first); lagSumsOf picks the kernel. */
export function laggedSums(
  a: Float64Array,
  b: Float64Array,
  first: number,
  last: number,
  out = new Float64Array(Math.max(0, last - first + 1))
): Float64Array {
  return lagSumsOf(a, b, Math.max(0, last - first + 1)).sums(first, last, out);
}

/**
 * laggedSums in JavaScript, where the kernel is unavailable (a Content-Security-Policy without
 * 'wasm-unsafe-eval', an engine without SIMD) or the work too small to pay for its copies.
 *
 * WHY lags in blocks: one running sum per loop waits on its own additions; four lags summed side by
 * side in one pass keep the processor busy (about 2x faster). Each S(k) still adds its terms in order
 * of t from 0, so every sum is the same double as one lag at a time.
 */
export function laggedSumsJs(
  a: Float64Array,
  b: Float64Array,
  first: number,
  last: number,
  out: Float64Array
): Float64Array {
  const T = a.length;
  let k = first;
  for (; k + LAG_BLOCK - 1 <= last; k += LAG_BLOCK) {
    // Rows every lag of the block has: from the first lag's start to the last lag's end.
    const lo = Math.max(0, -k);
    const hi = Math.min(T, T - (k + LAG_BLOCK - 1));
    if (lo >= hi) {
      for (let j = 0; j < LAG_BLOCK; j++) {
        out[k + j - first] = laggedSum(a, b, k + j, Math.max(0, -(k + j)), Math.min(T, T - (k + j)), 0);
      }
      continue;
    }
    let s0 = laggedSum(a, b, k, lo, lo, 0);
    let s1 = laggedSum(a, b, k + 1, Math.max(0, -(k + 1)), lo, 0);
    let s2 = laggedSum(a, b, k + 2, Math.max(0, -(k + 2)), lo, 0);
    let s3 = laggedSum(a, b, k + 3, Math.max(0, -(k + 3)), lo, 0);
    for (let t = lo; t < hi; t++) {
      const v = a[t];
      s0 += v * b[t + k];
      s1 += v * b[t + k + 1];
      s2 += v * b[t + k + 2];
      s3 += v * b[t + k + 3];
    }
    out[k - first] = laggedSum(a, b, k, hi, Math.min(T, T - k), s0);
    out[k + 1 - first] = laggedSum(a, b, k + 1, hi, Math.min(T, T - (k + 1)), s1);
    out[k + 2 - first] = laggedSum(a, b, k + 2, hi, Math.min(T, T - (k + 2)), s2);
    out[k + 3 - first] = laggedSum(a, b, k + 3, hi, Math.min(T, T - (k + 3)), s3);
  }
  for (; k <= last; k++) {
    out[k - first] = laggedSum(a, b, k, Math.max(0, -k), Math.min(T, T - k), 0);
  }
  return out;
}

/** s + sum of a[t] b[t+k] for t = from..to−1, in order. */
function laggedSum(a: Float64Array, b: Float64Array, k: number, from: number, to: number, s: number): number {
  for (let t = from; t < to; t++) {
    s += a[t] * b[t + k];
  }
  return s;
}
