/**
 * Prometheus histogram handling: from `_bucket{le=...}` counters to per-bucket counts of a window.
 *
 * Input shape (one counter series per bucket, all aligned on the analysis grid, NaN = no sample):
 *   - 'cumulative': raw `_bucket` counters, cumulative across `le` AND over time (what Prometheus stores).
 *   - 'increase':   already-differenced per-window values, i.e. what `increase(x_bucket[w])` returns at
 *                   each grid time: cumulative across `le`, NOT over time.
 * `le` is ascending; a trailing +Infinity bucket is expected (Prometheus always exposes `le="+Inf"`).
 *
 * Repairs, in this order, each counted and reported as one warning:
 *   1. Across buckets at one time, cumulative counts must not decrease with `le`. Scrape skew can break
 *      that; like Prometheus' histogram_quantile (`ensureMonotonic`) we raise each bucket to the running max.
 *   2. Over time, a counter that goes down was reset (process restart). Like `increase()`, the value
 *      before the drop is added to an offset, giving a reset-adjusted, non-decreasing counter. Missing
 *      points (NaN) carry the last value forward (no observation means no increase is known).
 *   3. Window counts per bucket are differences of adjacent `le`; a negative difference (resets detected
 *      in one bucket and not its neighbour) is clamped to 0.
 * Window counts (from, to] are then adjusted[to] - adjusted[from]: O(B) per window from the prefix
 * (adjusted counter) arrays instead of O(w * B) by re-walking the window.
 */

import { copyToFloat64 } from '../util/missing';

export type CounterMode = 'cumulative' | 'increase';

export interface BucketCounters {
  /** Upper bounds, strictly ascending, usually ending with +Infinity. */
  le: ArrayLike<number>;
  /** buckets[b][t]: counter of bucket b at grid index t. */
  buckets: Array<ArrayLike<number>>;
  mode: CounterMode;
}

export interface PreparedCounters {
  /** Number of buckets (or categories). */
  size: number;
  /** Grid length. */
  length: number;
  /** values[b][t]: reset-adjusted counters ('cumulative') or repaired increases ('increase'). */
  values: Float64Array[];
  mode: CounterMode;
  /** Whether values are cumulative across buckets (histograms) rather than independent (categories). */
  acrossBuckets: boolean;
  warnings: string[];
}

/**
 * Bucket (or category) counter series as Float64Arrays, with one rule for a missing value: a step
 * where any counter is missing (null, NaN, a non-number, +-Infinity) has no histogram at all, so
 * every counter is missing there. WHY: a single missing bucket read as 0 looks like a counter reset
 * and a cross-bucket dip, and the window around it gets a PSI many times too large; carried forward
 * alone, it is stale against its neighbours. `steps` counts the steps made missing that way.
 */
export function wholeStepsMissing(buckets: Array<ArrayLike<unknown>>): { values: Float64Array[]; steps: number } {
  const values = buckets.map((b) => copyToFloat64(b));
  const length = values.length > 0 ? values[0].length : 0;
  let steps = 0;
  for (let t = 0; t < length; t++) {
    const missing = values.filter((v) => !Number.isFinite(v[t])).length;
    if (missing > 0) {
      if (missing < values.length) {
        steps++;
      }
      for (const v of values) {
        v[t] = NaN;
      }
    }
  }
  return { values, steps };
}

/** Parses `le` labels ("0.1", "+Inf") or numbers into numbers. */
/** One `le` bound: a number, or Prometheus's text form ("0.5", "+Inf"). NaN when unreadable. */
export function leBound(v: number | string): number {
  return typeof v === 'number' ? v : v.trim() === '+Inf' ? Infinity : Number(v);
}

export function parseLe(le: ArrayLike<number | string>): Float64Array {
  const out = new Float64Array(le.length);
  for (let i = 0; i < le.length; i++) {
    const v = le[i];
    out[i] = leBound(v);
    if (Number.isNaN(out[i])) {
      throw new RangeError(`invalid le bound: ${String(v)}`);
    }
    if (i > 0 && !(out[i] > out[i - 1])) {
      throw new RangeError('le bounds must be strictly ascending');
    }
  }
  return out;
}

/**
 * Applies repairs 1 and 2 (see module doc). `acrossBuckets` = false for categorical counters (predicted
 * class counts), which are independent series and get no cross-bucket repair.
 */
export function prepareCounters(
  buckets: Array<ArrayLike<number>>,
  mode: CounterMode,
  acrossBuckets: boolean
): PreparedCounters {
  const size = buckets.length;
  const length = size > 0 ? buckets[0].length : 0;
  for (const b of buckets) {
    if (b.length !== length) {
      throw new RangeError('all bucket series must have the grid length');
    }
  }
  const values = buckets.map((b) => copyToFloat64(b));
  let monotoneFixes = 0;
  if (acrossBuckets) {
    for (let t = 0; t < length; t++) {
      let runMax = -Infinity;
      for (let b = 0; b < size; b++) {
        const v = values[b][t];
        if (Number.isNaN(v)) {
          continue;
        }
        if (v < runMax) {
          values[b][t] = runMax;
          monotoneFixes++;
        } else {
          runMax = v;
        }
      }
    }
  }
  let resets = 0;
  let negatives = 0;
  for (let b = 0; b < size; b++) {
    const s = values[b];
    if (mode === 'increase') {
      for (let t = 0; t < length; t++) {
        if (s[t] < 0) {
          // increase() never returns < 0; a negative value is a broken input, not a count.
          s[t] = 0;
          negatives++;
        }
      }
      continue;
    }
    let offset = 0;
    let prevRaw = NaN;
    for (let t = 0; t < length; t++) {
      const raw = s[t];
      if (Number.isNaN(raw)) {
        s[t] = Number.isNaN(prevRaw) ? NaN : prevRaw + offset;
        continue;
      }
      if (raw < prevRaw) {
        offset += prevRaw;
        resets++;
      }
      prevRaw = raw;
      s[t] = raw + offset;
    }
  }
  const warnings: string[] = [];
  if (monotoneFixes > 0) {
    warnings.push(
      `repaired ${monotoneFixes} non-monotone cumulative bucket value(s) (scrape skew), raised to the running max`
    );
  }
  if (resets > 0) {
    warnings.push(`detected ${resets} counter reset(s); handled like increase()`);
  }
  if (negatives > 0) {
    warnings.push(`clamped ${negatives} negative increase value(s) to 0`);
  }
  return { size, length, values, mode, acrossBuckets, warnings };
}

/**
 * Cumulative-across-buckets vector -> per-bucket counts (in place into `out`), negative differences
 * clamped to 0. Returns the number of clamps.
 */
export function decumulate(cumulative: ArrayLike<number>, out: Float64Array): number {
  let clamps = 0;
  let prev = 0;
  for (let b = 0; b < cumulative.length; b++) {
    const d = cumulative[b] - prev;
    if (d < 0) {
      out[b] = 0;
      clamps++;
    } else {
      out[b] = d;
    }
    // Keep the larger value so one bad bucket does not inflate the next one.
    prev = Math.max(prev, cumulative[b]);
  }
  return clamps;
}

/**
 * Per-bucket counts of the window (from, to] given as grid indices, O(B), into `out`.
 * For 'cumulative' counters: adjusted[to] - adjusted[from]. For 'increase' values: the vector at `to`
 * (the query already covers the window; `from` is ignored). Returns false when not computable (NaN
 * endpoint). `stats.clamps` accumulates repair 3.
 */
export function windowCounts(
  prep: PreparedCounters,
  from: number,
  to: number,
  out: Float64Array,
  scratch: Float64Array,
  stats: { clamps: number }
): boolean {
  if (to < 0 || to >= prep.length || (prep.mode === 'cumulative' && (from < 0 || from > to))) {
    return false;
  }
  const target = prep.acrossBuckets ? scratch : out;
  for (let b = 0; b < prep.size; b++) {
    const s = prep.values[b];
    const v = prep.mode === 'cumulative' ? s[to] - s[from] : s[to];
    if (Number.isNaN(v)) {
      return false;
    }
    target[b] = v;
  }
  if (prep.acrossBuckets) {
    stats.clamps += decumulate(scratch, out);
  }
  return true;
}

/**
 * The same window counts computed without the prefix arrays: re-walks every step of the window on the
 * raw counters, handling resets step by step (O(w * B)). Kept as the from-scratch reference that the
 * benchmark and tests compare the incremental path against.
 */
export function windowCountsFromScratch(
  raw: BucketCounters,
  from: number,
  to: number,
  out: Float64Array,
  scratch: Float64Array,
  stats: { clamps: number }
): boolean {
  const size = raw.buckets.length;
  if (raw.mode === 'increase') {
    for (let b = 0; b < size; b++) {
      scratch[b] = Math.max(0, raw.buckets[b][to]);
      if (Number.isNaN(scratch[b])) {
        return false;
      }
    }
  } else {
    for (let b = 0; b < size; b++) {
      const s = raw.buckets[b];
      let inc = 0;
      let prev = s[from];
      if (Number.isNaN(prev)) {
        return false;
      }
      for (let t = from + 1; t <= to; t++) {
        const v = s[t];
        if (Number.isNaN(v)) {
          continue;
        }
        inc += v >= prev ? v - prev : v;
        prev = v;
      }
      scratch[b] = inc;
    }
  }
  // Cross-bucket monotonicity of the raw values is not re-established here, so this path matches the
  // incremental one only on clean input (which is what the benchmark feeds both).
  stats.clamps += decumulate(scratch, out);
  return true;
}
