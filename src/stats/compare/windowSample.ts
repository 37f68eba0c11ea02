import { autocorrelationTime, equivalentLag1 } from '../significance/autocorrelationTime';
import { meanEffectiveSize } from '../significance/meanEffectiveSize';
import { lineOf, subtractLine } from './baselineLine';
import { finitePrefix } from '../util/finitePrefix';

/** One signal inside one window, reduced to what the two-sample tests need. */
export interface WindowSample {
  /** Finite values, in time order (KS needs no order: significance/ksDistance.ts). */
  values: Float64Array;
  /** First differences of consecutive finite grid points. */
  diffs: Float64Array;
  mean: number;
  /** ddof = 1. */
  variance: number;
  /** Smallest and largest of `values` and of `diffs` (NaN when empty): where KS spreads its buckets. */
  range: [number, number];
  diffRange: [number, number];
  /** Effective sizes of the levels and of the differences under the null process (see below). */
  nEff: number;
  nEffDiffs: number;
  /** The null process's lag-1 autocorrelation (AR(1)-equivalent), also for the pair's Bretherton size. */
  lag1: number;
}

/** The null process of a signal: how fast its levels and its differences decorrelate in the baseline. */
export interface NullProcess {
  lag1: number;
  lag1Diffs: number;
}

/**
 * The baseline window's autocorrelation, which both windows are judged by. WHY the baseline's: the
 * question is "is the incident unlike normal?", so under the null hypothesis the incident follows the
 * baseline's process; the incident's own autocorrelation is inflated by the very change being tested
 * (a step or a ramp looks like perfect persistence) and would hide every change.
 */
export function nullProcess(
  x: Float64Array,
  lo: number,
  hi: number,
  buffer = sampleBuffer(hi - lo),
  line = lineOf(x.subarray(lo, hi))
): NullProcess {
  // Persistence is read around the baseline's straight-line course (`line`, baselineLine.ts; a compare
  // fits every signal's at once): a slow daily swing across a long baseline would otherwise read as
  // hours of persistence and leave no power to see any change.
  const n = Math.max(0, hi - lo);
  const slice = subtractLine(x.subarray(lo, hi), line, buffer.subarray(0, n));
  const diffs = gridDifferences(slice, buffer.subarray(n, Math.max(n, 2 * n - 1)));
  return {
    lag1: equivalentLag1(autocorrelationTime(slice)),
    lag1Diffs: equivalentLag1(autocorrelationTime(diffs)),
  };
}

/**
 * Working memory for nullProcess and windowSample on a window of `points`: the window's values and their
 * differences. WHY the caller may keep one: a compare samples every signal in both windows, and a typed
 * array per sample (each with a backing store of its own) cost about as much as filling it.
 */
export function sampleBuffer(points: number): Float64Array {
  return new Float64Array(Math.max(0, 2 * points - 1));
}

/**
 * Values of `x` at grid points lo..hi−1, with effective sizes under the null process. The sample's
 * arrays are views of `buffer` (or of x itself, when the window has no missing value): valid until the
 * buffer is used again.
 */
export function windowSample(
  x: Float64Array,
  lo: number,
  hi: number,
  process: NullProcess,
  buffer = sampleBuffer(hi - lo)
): WindowSample {
  const slice = x.subarray(lo, hi);
  const len = slice.length;
  const finite = buffer.subarray(0, len);
  const diffs = buffer.subarray(len, Math.max(len, 2 * len - 1));
  // Most windows have no gap: summed and differenced as they are, with the values left in place.
  let { n, sum, min, max } = finitePrefix(slice);
  let nd = Math.max(0, n - 1);
  let [dMin, dMax] = differencesInto(slice, n, diffs);
  if (n < len) {
    // A gap at n: from there on, the finite values are copied and the differences skip the gap.
    finite.set(slice.subarray(0, n));
    for (let t = n; t < len; t++) {
      const v = slice[t];
      if (Number.isFinite(v)) {
        finite[n++] = v;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (t + 1 < len && Number.isFinite(slice[t + 1])) {
          const d = (diffs[nd++] = slice[t + 1] - v);
          dMin = Math.min(dMin, d);
          dMax = Math.max(dMax, d);
        }
      }
    }
  }
  const values = n === len ? slice : finite.subarray(0, n);
  const mean = sum / n;
  const ss = n > 1 ? squaredDeviations(values, mean) : NaN;
  return sampleOf(values, diffs.subarray(0, nd), { sum, min, max, ss, dMin, dMax }, process);
}

/** A window's sums: of its values, their squared deviations about the mean, and their extremes and the differences'. */
export interface WindowSums {
  sum: number;
  min: number;
  max: number;
  /** Σ (v − mean)² (NaN with fewer than 2 values). */
  ss: number;
  dMin: number;
  dMax: number;
}

/**
 * The sample of a window from its finite values, their differences and their sums (windowSample's walk
 * in JavaScript, or the KS kernel's for windowPair.ts): the one place a WindowSample is put together.
 */
export function sampleOf(
  values: Float64Array,
  diffs: Float64Array,
  sums: WindowSums,
  process: NullProcess
): WindowSample {
  const n = values.length;
  const nd = diffs.length;
  return {
    values,
    diffs,
    mean: n > 0 ? sums.sum / n : NaN,
    variance: n > 1 ? sums.ss / (n - 1) : NaN,
    range: n > 0 ? [sums.min, sums.max] : [NaN, NaN],
    diffRange: nd > 0 ? [sums.dMin, sums.dMax] : [NaN, NaN],
    nEff: meanEffectiveSize(n, process.lag1),
    nEffDiffs: meanEffectiveSize(nd, process.lag1Diffs),
    lag1: process.lag1,
  };
}

/** x[t+1] − x[t] for t < n − 1 into d, and their smallest and largest. */
function differencesInto(x: ArrayLike<number>, n: number, d: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let t = 0; t + 1 < n; t++) {
    const v = (d[t] = x[t + 1] - x[t]);
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return [min, max];
}

/** Σ (v − mean)², four running sums side by side (see util/finitePrefix.ts). */
function squaredDeviations(v: Float64Array, mean: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 4 <= v.length; t += 4) {
    const a = v[t] - mean;
    const b = v[t + 1] - mean;
    const c = v[t + 2] - mean;
    const d = v[t + 3] - mean;
    s0 += a * a;
    s1 += b * b;
    s2 += c * c;
    s3 += d * d;
  }
  for (; t < v.length; t++) {
    s0 += (v[t] - mean) * (v[t] - mean);
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * x[t+1] − x[t] on the grid: missing where either neighbour is missing, so no difference spans a gap.
 * Written into `d` (length x.length − 1) when given.
 */
export function gridDifferences(
  x: ArrayLike<number>,
  d: Float64Array = new Float64Array(Math.max(0, x.length - 1))
): Float64Array {
  // Not differencesInto: the null process needs no extremes, and Math.min and Math.max per value cost
  // more than the differences.
  for (let t = 0; t + 1 < x.length; t++) {
    d[t] = x[t + 1] - x[t];
  }
  return d;
}
