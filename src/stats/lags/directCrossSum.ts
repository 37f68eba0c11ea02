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
  const T = a.length;
  for (let k = -maxLag; k <= maxLag; k++) {
    let s = 0;
    const lo = Math.max(0, -k);
    const hi = Math.min(T, T - k);
    for (let t = lo; t < hi; t++) {
      s += a[t] * b[t + k];
    }
    out[k + maxLag] = s;
  }
  return out;
}
