import { lagSumsOf } from '../lags/directCrossSum';
import { centreInto } from '../util/centre';
import { AutocovarianceFft } from './autocovarianceFft';

/**
 * Direct lags tried before the FFT; past c·τ > that many lags the window is not going to close by then.
 * WHY 128 with the WebAssembly kernel: there a direct lag costs about 1/150 of the FFT's transforms at
 * 1,440 points (1/200 at 10,080), so windows up to 128 lags (τ up to ~25) are cheaper summed directly,
 * and a persistent series gives up within a few blocks. On a mix of monitoring-like series of 1,440
 * points, 16, 64, 96, 128 and 160 lags took 204, 181, 172, 155 and 161 µs for the mix (JavaScript sums
 * with 16 lags: 240). The price: a series whose window closes a little past 128 lags (τ ≈ 26–30) learns
 * it only after most of them, and pays them on top of the FFT (AR(1) with φ 0.93 at 10,080 points: 730
 * µs against 450). Guessing the window's end sooner from how ρ decays (geometric tail from lag k/2 on)
 * saved those but sent many series that would have closed in time to the FFT (the mix: 176–195 µs).
 * WHY 16 in JavaScript: its sums cost six times as much, and past a few blocks the FFT wins.
 */
const DIRECT_LAGS = { wasm: 128, js: 16 };

/** Lags summed per call of the direct sums: one block of the WebAssembly kernel (LAG_LANES in gram.ts). */
const DIRECT_BLOCK = 8;

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
  // Missing values become 0 deviations: they add nothing to the lagged sums.
  const d = deviations(n);
  const { count, ss: den } = centreInto(x, d);
  if (count < 8 || !(den > 0)) {
    return NaN;
  }
  // At most n/4 lags: past that the lagged sums rest on too few pairs to mean anything (a window that has
  // not closed by then says τ > n/20, and the effective size is small either way). It also keeps the FFT
  // at the next power of two above 1.25 n.
  const maxLag = Math.floor(n / 4);
  // A series that decorrelates within a few steps (first differences, noise) closes the window after a
  // handful of lags: summed directly they cost a few passes, less than one FFT. A persistent series shows
  // it within the first lags (c·τ already past the direct lags) and goes to the FFT, which gives every lag
  // at once (O(n log n)) where hundreds of direct sums would cost O(n²).
  const { sum: direct, wasm } = directSums(d);
  const directLags = wasm ? DIRECT_LAGS.wasm : DIRECT_LAGS.js;
  if (maxLag <= directLags) {
    return Math.max(1, sokalWindow(direct, den, maxLag, c, false).tau);
  }
  const quick = sokalWindow(direct, den, directLags, c, true);
  if (quick.closed) {
    return Math.max(1, quick.tau);
  }
  const plan = lagSums(n, maxLag);
  plan.load(d);
  // A negative sum would claim more independent values than points; a mean is never worth more than n.
  return Math.max(1, sokalWindow((k) => plan.sum(k), den, maxLag, c, false).tau);
}

/**
 * τ(M) = 1 + 2 Σ_{k=1..M} S(k)/S(0) up to the first M ≥ c·τ(M) (closed), or up to `last` when the
 * window stays open. With `giveUp` it stops (open) once c·τ passes `last`: the window cannot close
 * in time unless later sums turn negative, and the caller then sums every lag anyway.
 */
function sokalWindow(
  sum: (k: number) => number,
  den: number,
  last: number,
  c: number,
  giveUp: boolean
): { tau: number; closed: boolean } {
  let tau = 1;
  for (let k = 1; k <= last; k++) {
    tau += (2 * sum(k)) / den;
    if (k >= c * tau) {
      return { tau, closed: true };
    }
    if (giveUp && c * tau > last) {
      break;
    }
  }
  return { tau, closed: false };
}

/**
 * S(k) = Σ_t d[t] d[t+k] on demand, DIRECT_BLOCK lags at a time (one pass gives several), with d copied
 * into the kernel once for all of them.
 */
function directSums(d: Float64Array): { sum: (k: number) => number; wasm: boolean } {
  const lagSums = lagSumsOf(d, d, DIRECT_BLOCK);
  let first = 0;
  let filled = false;
  const sum = (k: number) => {
    if (!filled || k < first || k >= first + DIRECT_BLOCK) {
      first = k;
      filled = true;
      lagSums.sums(k, k + DIRECT_BLOCK - 1, block);
    }
    return block[k - first];
  };
  return { sum, wasm: lagSums.wasm };
}

/** The direct sums' block, kept between calls (see `work`). */
const block = new Float64Array(DIRECT_BLOCK);

/**
 * The lag-1 autocorrelation of the AR(1) process with the same τ: (1 + ρ)/(1 − ρ) = τ. It lets a
 * window's τ drive the AR(1)-shaped effective-size formulas (Bretherton for a pair, meanEffectiveSize).
 */
export function equivalentLag1(tau: number): number {
  return Number.isFinite(tau) ? (tau - 1) / (tau + 1) : NaN;
}

/**
 * A buffer for the deviations, kept between calls: a compare takes the autocorrelation time of every
 * signal three times, and allocating a typed array (a backing store of its own) each time added up.
 */
let work = new Float64Array(0);

function deviations(n: number): Float64Array {
  if (work.length < n) {
    work = new Float64Array(n);
  }
  return work.subarray(0, n);
}

/**
 * One FFT plan per window length: a compare sums the autocorrelations of every signal over two windows
 * of the same lengths, and building the plan (twiddle factors) costs as much as using it. A few lengths
 * at most are alive at once; the memo is cleared past that.
 */
const plans = new Map<number, AutocovarianceFft>();
const MAX_PLANS = 8;

function lagSums(n: number, maxLag: number): AutocovarianceFft {
  let plan = plans.get(n);
  if (!plan) {
    if (plans.size >= MAX_PLANS) {
      plans.clear();
    }
    plan = new AutocovarianceFft(n, maxLag);
    plans.set(n, plan);
  }
  return plan;
}
