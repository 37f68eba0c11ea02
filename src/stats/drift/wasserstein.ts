/**
 * Wasserstein-1 (earth mover's) distance between two 1-D distributions:
 *
 *   W1 = integral |F_current(x) - F_baseline(x)| dx
 *
 * Samples: exact, same as scipy.stats.wasserstein_distance(u, v).
 * Normalised: W1 / max(std_baseline, 0.001) with the population std (ddof = 0), exactly Evidently's
 * "wasserstein" test (`stattests/wasserstein_distance_norm.py`). The 0.001 floor is in the data's units.
 *
 * Histograms: each bucket's mass is spread uniformly between its lower and upper bound (linear
 * interpolation of the CDF, the assumption of Prometheus' histogram_quantile). Conventions, also
 * histogram_quantile's: the first bucket starts at 0 if its upper bound is > 0, otherwise it is a point
 * mass at its upper bound (override with `firstLowerBound`); the +Inf bucket is a point mass at the last
 * finite bound. With piecewise-linear CDFs on shared knots the integral is computed exactly. The
 * baseline std for normalising is that of the same piecewise-uniform distribution (bucket midpoint
 * variance plus width^2/12 inside each bucket).
 */

import { RadixScratch, sortedWithoutNaN } from '../util/radixSortFloat64';

export interface WassersteinResult {
  /** W1 in the data's units. */
  distance: number;
  /** W1 / max(baseline std, 0.001) (Evidently's normed Wasserstein). */
  normalized: number;
  /** Population standard deviation of the baseline. */
  baselineStd: number;
}

/** Evidently's floor on the normalising std (data units). */
export const WASSERSTEIN_STD_FLOOR = 0.001;

function result(distance: number, baselineStd: number): WassersteinResult {
  return { distance, normalized: distance / Math.max(baselineStd, WASSERSTEIN_STD_FLOOR), baselineStd };
}

/** Exact W1 between two ASCENDING non-empty samples, O(n + m) merge over the pooled breakpoints. */
export function wasserstein1Sorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let w = 0;
  let prev = Math.min(a[0], b[0]);
  while (i < n || j < m) {
    const v = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
    // Between prev and v both empirical CDFs are flat at i/n and j/m.
    w += Math.abs(i / n - j / m) * (v - prev);
    while (i < n && a[i] <= v) {
      i++;
    }
    while (j < m && b[j] <= v) {
      j++;
    }
    prev = v;
  }
  return w;
}

/** Population std of an array (two-pass for accuracy). */
export function populationStd(x: ArrayLike<number>): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    mean += x[i];
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    ss += (x[i] - mean) * (x[i] - mean);
  }
  return Math.sqrt(ss / n);
}

/** W1 and normalised W1 from ASCENDING samples; NaN when either is empty. */
export function wassersteinFromSortedSamples(
  current: ArrayLike<number>,
  baseline: ArrayLike<number>
): WassersteinResult {
  if (current.length === 0 || baseline.length === 0) {
    return { distance: NaN, normalized: NaN, baselineStd: NaN };
  }
  return result(wasserstein1Sorted(current, baseline), populationStd(baseline));
}

/** W1 and normalised W1 from raw samples (NaN ignored). */
export function wassersteinFromSamples(current: ArrayLike<number>, baseline: ArrayLike<number>): WassersteinResult {
  const scratch = new RadixScratch();
  return wassersteinFromSortedSamples(sortedWithoutNaN(current, scratch), sortedWithoutNaN(baseline, scratch));
}

export interface BucketGeometryOptions {
  /** Lower bound of the first bucket; default 0 if le[0] > 0, else le[0] (histogram_quantile's rule). */
  firstLowerBound?: number;
}

/**
 * Knots of the piecewise-linear CDF: knots[k] is the lower bound of bucket k and knots[k+1] its upper
 * bound, with the +Inf bucket collapsed onto the last finite bound.
 */
export function bucketKnots(le: ArrayLike<number>, options: BucketGeometryOptions = {}): Float64Array {
  const B = le.length;
  const knots = new Float64Array(B + 1);
  const first = le[0];
  const lower = options.firstLowerBound ?? (first > 0 ? 0 : first);
  knots[0] = Math.min(lower, first);
  let lastFinite = knots[0];
  for (let k = 0; k < B; k++) {
    if (le[k] === Infinity) {
      knots[k + 1] = lastFinite;
    } else {
      if (k > 0 && !(le[k] > le[k - 1])) {
        throw new RangeError('bucket upper bounds must be strictly ascending');
      }
      knots[k + 1] = le[k];
      lastFinite = le[k];
    }
  }
  return knots;
}

/** Integral over [0, w] of |linear function from a to b|, exact. */
function absLinearIntegral(a: number, b: number, w: number): number {
  if ((a >= 0 && b >= 0) || (a <= 0 && b <= 0)) {
    return (w * (Math.abs(a) + Math.abs(b))) / 2;
  }
  // Sign change: two triangles meeting at the root.
  return (w * (a * a + b * b)) / (2 * (Math.abs(a) + Math.abs(b)));
}

/** Mean and population std of the piecewise-uniform distribution given by per-bucket counts. */
export function bucketStd(knots: ArrayLike<number>, counts: ArrayLike<number>): number {
  let n = 0;
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k < counts.length; k++) {
    const lo = knots[k];
    const hi = knots[k + 1];
    const mid = (lo + hi) / 2;
    const w = hi - lo;
    n += counts[k];
    m1 += counts[k] * mid;
    m2 += counts[k] * (mid * mid + (w * w) / 12);
  }
  if (!(n > 0)) {
    return NaN;
  }
  m1 /= n;
  return Math.sqrt(Math.max(0, m2 / n - m1 * m1));
}

/** W1 between two per-bucket count vectors over the same buckets (see module doc for the geometry). */
export function wassersteinFromBuckets(
  le: ArrayLike<number>,
  current: ArrayLike<number>,
  baseline: ArrayLike<number>,
  options: BucketGeometryOptions = {}
): WassersteinResult {
  if (current.length !== le.length || baseline.length !== le.length) {
    throw new RangeError('counts must have one entry per bucket');
  }
  const knots = bucketKnots(le, options);
  let n = 0;
  let m = 0;
  for (let k = 0; k < le.length; k++) {
    n += current[k];
    m += baseline[k];
  }
  if (!(n > 0) || !(m > 0)) {
    return { distance: NaN, normalized: NaN, baselineStd: NaN };
  }
  let cc = 0;
  let cb = 0;
  let dPrev = 0;
  let w = 0;
  for (let k = 0; k < le.length; k++) {
    cc += current[k];
    cb += baseline[k];
    const d = cc / n - cb / m;
    w += absLinearIntegral(dPrev, d, knots[k + 1] - knots[k]);
    dPrev = d;
  }
  return result(w, bucketStd(knots, baseline));
}
