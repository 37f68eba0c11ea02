import { timesPow2, unitExponent } from '../util/unitScale';

/**
 * Trailing rolling mean over `window` points, like pandas `rolling(window, min_periods).mean()`:
 * missing values are skipped and a point is produced only when the window holds at least
 * `minPeriods` finite values.
 *
 * WHY not a plain running sum: adding and later subtracting one large value leaves its rounding error
 * in the sum for good (near 1e9 a signal minus its own offset no longer correlated at 1). The running
 * sum here is Neumaier-compensated and re-anchored: every `window` steps it is recomputed from the
 * window's own values, so an error can live at most one window. O(n) amortised. Values of extreme
 * magnitude are summed scaled by a power of two (unitScale.ts) so the sum cannot overflow.
 */
export function rollingMean(x: Float64Array, window: number, minPeriods = window): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const w = Math.max(1, Math.floor(window));
  const minP = Math.max(1, Math.min(w, Math.floor(minPeriods)));
  const k = unitExponent(x);
  const v = (i: number): number => timesPow2(x[i], k);
  let sum = 0;
  let comp = 0;
  let count = 0;
  const add = (a: number): void => {
    const t = sum + a;
    comp += Math.abs(sum) >= Math.abs(a) ? sum - t + a : a - t + sum;
    sum = t;
  };
  for (let i = 0; i < n; i++) {
    if (i % w === 0) {
      // Re-anchor: the sum of the window ending at i, from its values.
      sum = 0;
      comp = 0;
      count = 0;
      for (let j = Math.max(0, i - w + 1); j <= i; j++) {
        if (Number.isFinite(x[j])) {
          add(v(j));
          count++;
        }
      }
    } else {
      if (Number.isFinite(x[i])) {
        add(v(i));
        count++;
      }
      if (i >= w && Number.isFinite(x[i - w])) {
        add(-v(i - w));
        count--;
      }
    }
    if (count >= minP) {
      out[i] = timesPow2((sum + comp) / count, -k);
    }
  }
  return out;
}
