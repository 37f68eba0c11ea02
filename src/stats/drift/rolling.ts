/**
 * Rolling drift: for each grid time t_i, the drift of the window (t_i - w, t_i] against the baseline,
 * as a Float64Array on the grid (NaN where not computable), so it can enter the correlation matrix next
 * to CPU throttling or cache-miss rate.
 *
 * Incremental paths (default):
 *  - histograms / categorical counters: window counts are prefix differences of the reset-adjusted
 *    counters (histogram.ts), O(B) per step for the window and for a moving baseline;
 *  - raw samples: two sorted sliding windows (current and, if it moves, baseline) updated by binary
 *    insertion/removal as observations enter and leave; bins use binary search on the sorted window.
 * `incremental: false` recomputes every window from scratch (re-walks the counters over the window, or
 * re-sorts the window's samples); it exists for the benchmark and as a test oracle.
 */
import {
  alignStaticBuckets,
  alignStaticCategories,
  baselineRange,
  BaselineSpec,
  resolveStatic,
  ResolvedStatic,
  shiftMs,
} from './baseline';
import {
  BucketCounters,
  CounterMode,
  parseLe,
  prepareCounters,
  PreparedCounters,
  windowCounts,
  windowCountsFromScratch,
} from './histogram';
import { binSortedSamples, lowerBound, upperBound } from './psi';
import {
  allocateOutput,
  DriftSeriesOutput,
  ORDERED_METHODS,
  prepareSampleBaseline,
  SampleBaseline,
  ScoreOptions,
  scoreBuckets,
  scoreSamples,
} from './score';
import { DriftMethod } from './thresholds';
import { BucketGeometryOptions } from './wasserstein';

export interface DriftGrid {
  start: number;
  stepMs: number;
  length: number;
}

export type DriftInput =
  /** Prometheus `_bucket` series, one per `le`, each aligned on the grid. */
  | { kind: 'histogram'; le: Array<number | string>; buckets: Array<ArrayLike<number>>; mode?: CounterMode }
  /** Per-category counters (e.g. predicted class counts), each aligned on the grid. */
  | { kind: 'categorical'; categories: string[]; counters: Array<ArrayLike<number>>; mode?: CounterMode }
  /** Raw observations with their own timestamps (ms). */
  | { kind: 'samples'; timestamps: ArrayLike<number>; values: ArrayLike<number> };

export interface RollingOptions extends ScoreOptions, BucketGeometryOptions {
  /** Window length w in ms. */
  windowMs: number;
  baseline: BaselineSpec;
  methods: readonly DriftMethod[];
  /** Default true; false recomputes each window from scratch (benchmark / oracle). */
  incremental?: boolean;
}

export interface RollingDrift extends DriftSeriesOutput {
  warnings: string[];
}

/** Rolling drift of one input over the grid. Never throws on data problems: they become warnings and NaN. */
export function rollingDrift(input: DriftInput, grid: DriftGrid, options: RollingOptions): RollingDrift {
  const methods = options.methods;
  const out = allocateOutput(methods, grid.length);
  const warnings: string[] = [];
  if (!(options.windowMs > 0) || !(grid.stepMs > 0)) {
    return { ...out, warnings: ['windowMs and grid step must be positive'] };
  }
  let stat: ResolvedStatic | null = null;
  if (options.baseline.kind === 'static') {
    const r = resolveStatic(options.baseline.distribution);
    if ('error' in r) {
      return { ...out, warnings: [r.error] };
    }
    stat = r;
  }
  if (input.kind === 'samples') {
    rollingSamples(input, grid, options, stat, out, warnings);
  } else {
    rollingCounters(input, grid, options, stat, out, warnings);
  }
  return { ...out, warnings };
}

function steps(ms: number, grid: DriftGrid, what: string, warnings: string[]): number {
  const s = Math.round(ms / grid.stepMs);
  if (Math.abs(s * grid.stepMs - ms) > 1e-9 * grid.stepMs) {
    warnings.push(`${what} ${ms} ms is not a multiple of the grid step ${grid.stepMs} ms; rounded to ${s} steps`);
  }
  return s;
}

/** Grid index of the last grid time <= t (may be out of range: callers check). */
function indexAtOrBefore(grid: DriftGrid, t: number): number {
  return Math.floor((t - grid.start) / grid.stepMs + 1e-9);
}

function rollingCounters(
  input: Extract<DriftInput, { kind: 'histogram' | 'categorical' }>,
  grid: DriftGrid,
  options: RollingOptions,
  stat: ResolvedStatic | null,
  out: DriftSeriesOutput,
  warnings: string[]
): void {
  const isHist = input.kind === 'histogram';
  const series = isHist ? input.buckets : input.counters;
  const mode = input.mode ?? 'cumulative';
  let le: Float64Array;
  try {
    le = isHist ? parseLe(input.le) : new Float64Array(0);
  } catch (e) {
    warnings.push((e as Error).message);
    return;
  }
  const B = series.length;
  if (B === 0 || (isHist && le.length !== B) || (!isHist && input.categories.length !== B)) {
    warnings.push('bucket/category labels and series do not match');
    return;
  }
  if (series.some((s) => s.length !== grid.length)) {
    warnings.push(`every bucket series must have the grid length ${grid.length}`);
    return;
  }
  const methods = isHist ? options.methods : options.methods.filter((m) => !ORDERED_METHODS.has(m));
  if (methods.length < options.methods.length) {
    warnings.push('KS and Wasserstein need ordered buckets; not computed for categorical counters');
  }
  let staticCounts: Float64Array | null = null;
  let geometry: BucketGeometryOptions = { firstLowerBound: options.firstLowerBound };
  if (stat) {
    if (isHist && stat.kind === 'buckets') {
      const a = alignStaticBuckets(stat, le);
      if ('error' in a) {
        warnings.push(a.error);
        return;
      }
      staticCounts = a;
      geometry = { firstLowerBound: options.firstLowerBound ?? stat.firstLowerBound };
    } else if (!isHist && stat.kind === 'categories') {
      staticCounts = alignStaticCategories(stat, input.categories);
    } else {
      warnings.push(`static baseline of kind ${stat.kind} does not fit ${input.kind} input`);
      return;
    }
  }
  const prep: PreparedCounters = prepareCounters(series, mode, isHist);
  warnings.push(...prep.warnings);
  const raw: BucketCounters = { le, buckets: series, mode };
  const incremental = options.incremental ?? true;
  const clampStats = { clamps: 0 };
  const scratch = new Float64Array(B);
  const cur = new Float64Array(B);
  const base = new Float64Array(B);
  const tmp = new Float64Array(B);
  const w = steps(options.windowMs, grid, 'window', warnings);
  const read = (from: number, to: number, dst: Float64Array): boolean =>
    incremental
      ? windowCounts(prep, from, to, dst, scratch, clampStats)
      : windowCountsFromScratch(raw, from, to, dst, scratch, clampStats);

  // Baseline counts over (fromT, toT]. Counters difference directly; `increase` values must be tiled
  // with whole windows ending at toT, toT - w, ... (each value already covers one window).
  const readBaseline = (fromT: number, toT: number, dst: Float64Array): boolean => {
    const to = indexAtOrBefore(grid, toT);
    const from = indexAtOrBefore(grid, fromT);
    if (mode === 'cumulative') {
      return from >= 0 && to < grid.length && from < to && read(from, to, dst);
    }
    dst.fill(0);
    let any = false;
    for (let j = to; j - w >= from && j >= 0; j -= w) {
      if (j >= grid.length || !read(j - w, j, tmp)) {
        return false;
      }
      for (let b = 0; b < B; b++) {
        dst[b] += tmp[b];
      }
      any = true;
    }
    return any;
  };

  let fixedOk = false;
  if (staticCounts) {
    base.set(staticCounts);
    fixedOk = true;
  } else if (options.baseline.kind === 'fixed') {
    fixedOk = readBaseline(options.baseline.from, options.baseline.to, base);
    if (!fixedOk) {
      warnings.push('fixed baseline range is outside the grid or has missing data: no scores');
      return;
    }
  }
  if (options.baseline.kind === 'shifted') {
    steps(shiftMs(options.baseline.shift), grid, 'baseline shift', warnings);
  }
  const baselineMoves = !staticCounts && options.baseline.kind !== 'fixed';
  if (fixedOk && !(sum(base) > 0)) {
    warnings.push('baseline has no counts: no scores');
    return;
  }
  let emptyBaseline = 0;
  let emptyCurrent = 0;
  const scoreOpts = { ...options, ...geometry };
  for (let i = 0; i < grid.length; i++) {
    if (i - w < 0 && mode === 'cumulative') {
      continue;
    }
    if (!read(i - w, i, cur)) {
      continue;
    }
    if (baselineMoves) {
      const t = grid.start + i * grid.stepMs;
      const r = baselineRange(options.baseline, t, options.windowMs)!;
      if (!readBaseline(r.from, r.to, base)) {
        continue;
      }
      if (!(sum(base) > 0)) {
        emptyBaseline++;
        continue;
      }
    }
    if (!(sum(cur) > 0)) {
      emptyCurrent++;
      continue;
    }
    scoreBuckets(methods, le, cur, base, i, out, scoreOpts);
  }
  if (clampStats.clamps > 0) {
    warnings.push(`clamped ${clampStats.clamps} negative per-bucket window count(s) to 0`);
  }
  if (emptyBaseline > 0) {
    warnings.push(`baseline had no counts at ${emptyBaseline} grid point(s): no score there`);
  }
  if (emptyCurrent > 0) {
    warnings.push(`window had no counts at ${emptyCurrent} grid point(s): no score there`);
  }
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
  }
  return s;
}

/** Sorted multiset over a Float64Array with binary insertion/removal (memmove-cheap for window sizes). */
export class SortedWindow {
  private buf: Float64Array;
  size = 0;

  constructor(capacity = 64) {
    this.buf = new Float64Array(Math.max(1, capacity));
  }

  insert(x: number): void {
    if (this.size === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    const at = upperBound(this.buf, x, 0, this.size);
    this.buf.copyWithin(at + 1, at, this.size);
    this.buf[at] = x;
    this.size++;
  }

  remove(x: number): void {
    const at = lowerBound(this.buf, x, 0, this.size);
    if (at < this.size && this.buf[at] === x) {
      this.buf.copyWithin(at, at + 1, this.size);
      this.size--;
    }
  }

  /** Ascending view of the current content (valid until the next insert/remove). */
  view(): Float64Array {
    return this.buf.subarray(0, this.size);
  }
}

/**
 * Keeps a SortedWindow equal to the observations with time in (from, to] as from/to only increase.
 * Observations must be sorted by time.
 */
class TimeWindow {
  readonly win = new SortedWindow();
  private lo = 0;
  private hi = 0;

  constructor(
    private readonly times: Float64Array,
    private readonly values: Float64Array
  ) {}

  advance(from: number, to: number): Float64Array {
    while (this.hi < this.times.length && this.times[this.hi] <= to) {
      this.win.insert(this.values[this.hi++]);
    }
    while (this.lo < this.hi && this.times[this.lo] <= from) {
      this.win.remove(this.values[this.lo++]);
    }
    return this.win.view();
  }
}

/** Ascending values of the observations with time in (from, to], by re-sorting (from-scratch path). */
function sliceSorted(times: Float64Array, values: Float64Array, from: number, to: number): Float64Array {
  const a = upperBound(times, from);
  const b = upperBound(times, to);
  return values.slice(a, b).sort();
}

function rollingSamples(
  input: Extract<DriftInput, { kind: 'samples' }>,
  grid: DriftGrid,
  options: RollingOptions,
  stat: ResolvedStatic | null,
  out: DriftSeriesOutput,
  warnings: string[]
): void {
  if (input.timestamps.length !== input.values.length) {
    warnings.push('samples: timestamps and values differ in length');
    return;
  }
  // Sort observations by time once and drop non-finite ones.
  const order: number[] = [];
  for (let k = 0; k < input.values.length; k++) {
    if (Number.isFinite(input.values[k]) && Number.isFinite(input.timestamps[k])) {
      order.push(k);
    }
  }
  if (order.length < input.values.length) {
    warnings.push(`dropped ${input.values.length - order.length} non-finite sample(s)`);
  }
  order.sort((x, y) => input.timestamps[x] - input.timestamps[y]);
  const times = Float64Array.from(order, (k) => input.timestamps[k]);
  const values = Float64Array.from(order, (k) => input.values[k]);
  const incremental = options.incremental ?? true;
  const w = options.windowMs;
  const curWin = new TimeWindow(times, values);
  const baseWin = new TimeWindow(times, values);

  // A static bucket histogram (e.g. training data) against live samples: bin the window into its buckets.
  if (stat && stat.kind === 'buckets') {
    const finite = stat.le[stat.le.length - 1] === Infinity ? stat.le.subarray(0, stat.le.length - 1) : stat.le;
    const le = Float64Array.from([...finite, Infinity]);
    const base = Float64Array.from([...stat.counts, ...(finite.length === stat.le.length ? [0] : [])]);
    if (!(sum(base) > 0)) {
      warnings.push('baseline has no counts: no scores');
      return;
    }
    for (let i = 0; i < grid.length; i++) {
      const t = grid.start + i * grid.stepMs;
      const cur = incremental ? curWin.advance(t - w, t) : sliceSorted(times, values, t - w, t);
      if (cur.length > 0) {
        const counts = binSortedSamples(cur, finite);
        scoreBuckets(options.methods, le, counts, base, i, out, {
          ...options,
          firstLowerBound: options.firstLowerBound ?? stat.firstLowerBound,
        });
      }
    }
    return;
  }
  if (stat && stat.kind !== 'samples') {
    warnings.push(`static baseline of kind ${stat.kind} does not fit samples input`);
    return;
  }

  let fixed: SampleBaseline | null = null;
  if (stat) {
    fixed = stat.sorted.length > 0 ? prepareSampleBaseline(stat.sorted, options) : null;
  } else if (options.baseline.kind === 'fixed') {
    const s = sliceSorted(times, values, options.baseline.from, options.baseline.to);
    fixed = s.length > 0 ? prepareSampleBaseline(s, options) : null;
  }
  const baselineMoves = !stat && options.baseline.kind !== 'fixed';
  if (!baselineMoves && fixed === null) {
    warnings.push('baseline has no samples: no scores');
    return;
  }
  let emptyBaseline = 0;
  for (let i = 0; i < grid.length; i++) {
    const t = grid.start + i * grid.stepMs;
    let base = fixed;
    if (baselineMoves) {
      const r = baselineRange(options.baseline, t, w)!;
      const sorted = incremental ? baseWin.advance(r.from, r.to) : sliceSorted(times, values, r.from, r.to);
      if (sorted.length === 0) {
        emptyBaseline++;
        continue;
      }
      base = prepareSampleBaseline(sorted, options);
    }
    const cur = incremental ? curWin.advance(t - w, t) : sliceSorted(times, values, t - w, t);
    if (cur.length > 0 && base) {
      scoreSamples(options.methods, cur, base, i, out, options);
    }
  }
  if (emptyBaseline > 0) {
    warnings.push(`baseline had no samples at ${emptyBaseline} grid point(s): no score there`);
  }
}
