import { WorkBlock } from '../util/workBlock';
import { autocovarianceOf, DIRECT_BLOCK } from './seriesAutocovariance';

/**
 * How far past the lags summed so far the window's end may lie before the FFT takes over: the direct
 * sums go on while c·τ(k), the least lag the window can close at, is at most this many lags beyond k.
 * WHY a distance rather than a fixed number of direct lags: τ(k) only grows while ρ stays positive, so
 * c·τ(k) − k is the fewest direct lags still to pay. WHY 32 with the WebAssembly kernel: there the whole
 * FFT path (autocovarianceWasm.ts) costs about 16 µs at 1,440 points, as much as some 100 direct lags, and
 * a window that has not closed once c·τ is 32 lags ahead usually runs on for many more. On a mix of white
 * noise, moving averages, AR(1) with φ 0.5–0.99, random walks, daily cycles and steps, distances of 16, 32
 * and 64 lags took 141–148, 134–143 and 141–148 µs for the mix at 1,440 points, and 1,328, 1,109–1,151
 * and 1,118–1,135 µs at 10,080 (centring, direct sums and FFT in JavaScript and fft.js with a fixed limit
 * of 128 direct lags, as before the kernel: 304–335 and 2,361–2,412 µs). WHY 16 in JavaScript: its sums
 * cost six times as much, and past a few blocks the FFT wins.
 */
const DIRECT_BUDGET = { wasm: 32, js: 16 };

/**
 * Integrated autocorrelation time of a window, τ = 1 + 2 Σ_{k=1..M} ρ(k), with Sokal's automatic
 * window: the smallest M with M ≥ c·τ(M), c = 5 (Sokal 1997, "Monte Carlo methods in statistical
 * mechanics", §3; Madras & Sokal 1988). n/τ is the number of independent values a mean of n points
 * is worth (the variance-inflation factor of the mean, Bartlett 1946).
 *
 * WHY not the lag-1 AR(1) rule (1 + ρ1)/(1 − ρ1) here: monitoring series are sums over rate windows
 * (PromQL `rate(x[5m])` makes a 5-step moving average) plus slow noise. Their lag-1 autocorrelation is
 * high although they decorrelate within a few steps; the AR(1) rule then counts 3–5 times too few
 * independent values, and a compare of an incident with its baseline never finds anything. The summed
 * autocorrelation follows the actual decay.
 *
 * ρ(k) is the standard ACF estimator over the finite values (products with a missing value skipped),
 * the same as lag1Autocorrelation.ts at k = 1. Returns NaN with fewer than 8 finite values.
 */
export function autocorrelationTime(x: ArrayLike<number>, c = 5): number {
  const n = x.length;
  // At most n/4 lags: past that the lagged sums rest on too few pairs to mean anything (a window that has
  // not closed by then says τ > n/20, and the effective size is small either way). It also keeps the FFT
  // at the next power of two above 1.25 n.
  const maxLag = Math.floor(n / 4);
  const lags = autocovarianceOf(n, maxLag);
  // Missing values become 0 deviations: they add nothing to the lagged sums.
  const { count, ss: den } = lags.load(x);
  if (count < 8 || !(den > 0)) {
    return NaN;
  }
  // A series that decorrelates within a few steps (first differences, noise) closes the window after a
  // handful of lags: summed directly they cost a few passes, less than one FFT. A persistent series shows
  // it within the first lags (c·τ far past the lags summed) and goes to the FFT, which gives every lag at
  // once (O(n log n)) where hundreds of direct sums would cost O(n²).
  const budget = lags.wasm ? DIRECT_BUDGET.wasm : DIRECT_BUDGET.js;
  const quick = new SokalWindow(den, c);
  const block = lagWork.take(DIRECT_BLOCK);
  for (let k = 1; k <= maxLag; k += DIRECT_BLOCK) {
    const last = Math.min(maxLag, k + DIRECT_BLOCK - 1);
    if (quick.add(lags.direct(k, last, block), k, last) || last === maxLag) {
      // Closed, or every lag summed: the direct sums gave all the window needs.
      return Math.max(1, quick.tau);
    }
    if (c * quick.tau - last > budget) {
      break;
    }
  }
  const whole = new SokalWindow(den, c);
  whole.add(lags.all(lagWork.take(maxLag + 1)).subarray(1), 1, maxLag);
  // A negative sum would claim more independent values than points; a mean is never worth more than n.
  return Math.max(1, whole.tau);
}

/**
 * Sokal's window, one run of lags at a time: τ(M) = 1 + 2 Σ_{k=1..M} S(k)/S(0), closed at the first
 * M ≥ c·τ(M). Lags offered after the close are not added: τ stays the closed window's.
 */
class SokalWindow {
  tau = 1;
  closed = false;

  constructor(
    private readonly den: number,
    private readonly c: number
  ) {}

  /** Adds lags first..last (their sums in sums[0..]); true once the window is closed. */
  add(sums: Float64Array, first: number, last: number): boolean {
    for (let k = first; k <= last && !this.closed; k++) {
      this.tau += (2 * sums[k - first]) / this.den;
      this.closed = k >= this.c * this.tau;
    }
    return this.closed;
  }
}

/**
 * The lag-1 autocorrelation of the AR(1) process with the same τ: (1 + ρ)/(1 − ρ) = τ. It lets a
 * window's τ drive the AR(1)-shaped effective-size formulas (Bretherton for a pair, meanEffectiveSize).
 */
export function equivalentLag1(tau: number): number {
  return Number.isFinite(tau) ? (tau - 1) / (tau + 1) : NaN;
}

/**
 * The lagged sums' buffer: a compare takes the autocorrelation time of every signal four times, and
 * allocating a typed array (a backing store of its own) each time added up.
 */
const lagWork = new WorkBlock();
