/**
 * Rolling drift of histogram buckets and categorical counters: window counts are prefix differences of
 * the reset-adjusted counters (histogram.ts), O(B) per step for the window and for a moving baseline.
 * `incremental: false` re-walks the counters over every window instead (benchmark / test oracle).
 */
import { alignStaticBuckets, alignStaticCategories, baselineRange, shiftMs } from '../baseline';
import {
  BucketCounters,
  parseLe,
  prepareCounters,
  PreparedCounters,
  windowCounts,
  windowCountsFromScratch,
  wholeStepsMissing,
} from '../histogram';
import { ORDERED_METHODS, scoreBuckets } from '../score';
import type { BucketGeometryOptions } from '../wasserstein';
import { indexAtOrBefore, steps, sum } from './gridSteps';
import type { DriftInput, PipelineRun } from './types';

export function rollingCounters(
  input: Extract<DriftInput, { kind: 'histogram' | 'categorical' }>,
  { grid, options, stat, out, warnings }: PipelineRun
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
  const cleaned = wholeStepsMissing(series);
  if (cleaned.steps > 0) {
    warnings.push(
      `${cleaned.steps} step(s) had a missing ${isHist ? 'bucket' : 'category'} value: the whole ${isHist ? 'histogram' : 'distribution'} of those steps is treated as missing`
    );
  }
  const prep: PreparedCounters = prepareCounters(cleaned.values, mode, isHist);
  warnings.push(...prep.warnings);
  const raw: BucketCounters = { le, buckets: cleaned.values, mode };
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
