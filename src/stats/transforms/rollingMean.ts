/**
 * Trailing rolling mean over `window` points, like pandas `rolling(window, min_periods).mean()`:
 * missing values are skipped and a point is produced only when the window holds at least
 * `minPeriods` finite values. O(n) running sum.
 */
export function rollingMean(x: Float64Array, window: number, minPeriods = window): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const w = Math.max(1, Math.floor(window));
  const minP = Math.max(1, Math.min(w, Math.floor(minPeriods)));
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(x[i])) {
      sum += x[i];
      count++;
    }
    if (i >= w && !Number.isNaN(x[i - w])) {
      sum -= x[i - w];
      count--;
    }
    if (count >= minP) {
      out[i] = sum / count;
    }
  }
  return out;
}
