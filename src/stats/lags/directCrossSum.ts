/** Lags summed together in one pass over the series. */
export const LAG_BLOCK = 4;

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
 * S(k) = sum_t a[t] b[t+k] for k = first..last (index k − first).
 *
 * WHY lags in blocks: one running sum per loop waits on its own additions; four lags summed side by
 * side in one pass keep the processor busy (about 2x faster). Each S(k) still adds its terms in order
 * of t from 0, so every sum is the same double as one lag at a time.
 */
export function laggedSums(
  a: Float64Array,
  b: Float64Array,
  first: number,
  last: number,
  out = new Float64Array(Math.max(0, last - first + 1))
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
