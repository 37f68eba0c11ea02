import type { AlignOptions, EngineWarning, GridOptions, GridResult, SeriesInput } from '../contract';
import { toFloat64 } from '../util/missing';
import { bucketize } from './bucketize';
import { fillGaps } from './fillGaps';
import { inferStep } from './inferStep';
import { sortByTime, SortedSeries } from './sortByTime';

export interface AlignedData {
  grid: GridResult | null;
  /** One Float64Array of grid length per input series (same order), NaN = missing. */
  values: Float64Array[];
}

/**
 * Aligns series with their own timestamps onto one regular grid (see docs/engine.md, "Alignment").
 * Steps: clean (drop non-finite timestamps, truncate mismatched lengths), stable-sort, infer the
 * step if not given, bucket with mean/last, then fill short interior gaps. Never throws; problems
 * become warnings. Series without timestamps are taken as already on the grid.
 */
export function alignSeries(
  series: SeriesInput[],
  gridOpts: GridOptions | undefined,
  align: Required<Pick<AlignOptions, 'aggregation' | 'fill' | 'maxGap'>>,
  maxPoints: number,
  warnings: EngineWarning[]
): AlignedData {
  const sorted: Array<SortedSeries | null> = series.map((s) => {
    const v = toFloat64(s.values as ArrayLike<number | null>);
    if (s.timestamps === undefined) {
      return null;
    }
    let t = toFloat64(s.timestamps as ArrayLike<number | null>);
    let vals = v;
    if (t.length !== v.length) {
      warnings.push({
        code: 'LENGTH_MISMATCH',
        message: `series has ${t.length} timestamps and ${v.length} values; using the first ${Math.min(t.length, v.length)} of each`,
        series: s.id,
      });
      const n = Math.min(t.length, v.length);
      t = t.subarray(0, n);
      vals = v.subarray(0, n);
    }
    let badTs = 0;
    for (let i = 0; i < t.length; i++) {
      if (!Number.isFinite(t[i])) {
        badTs++;
      }
    }
    if (badTs > 0) {
      warnings.push({
        code: 'NON_FINITE_TIMESTAMPS',
        message: `${badTs} samples with non-finite timestamps were dropped`,
        series: s.id,
      });
      const keepT: number[] = [];
      const keepV: number[] = [];
      for (let i = 0; i < t.length; i++) {
        if (Number.isFinite(t[i])) {
          keepT.push(t[i]);
          keepV.push(vals[i]);
        }
      }
      t = Float64Array.from(keepT);
      vals = Float64Array.from(keepV);
    }
    const res = sortByTime(t, vals);
    if (res.unsorted) {
      warnings.push({
        code: 'UNSORTED_TIMESTAMPS',
        message: 'timestamps were not sorted; samples were sorted by time (stable)',
        series: s.id,
      });
    }
    if (res.duplicates > 0) {
      warnings.push({
        code: 'DUPLICATE_TIMESTAMPS',
        message: `${res.duplicates} duplicate timestamps; combined by the '${align.aggregation}' bucket aggregation`,
        series: s.id,
      });
    }
    return res;
  });

  const timed = sorted.filter((s): s is SortedSeries => s !== null);
  let stepMs = gridOpts?.stepMs;
  let stepInferred = false;
  if (!(typeof stepMs === 'number' && Number.isFinite(stepMs) && stepMs > 0)) {
    if (stepMs !== undefined) {
      warnings.push({
        code: 'INVALID_REQUEST',
        message: `grid.stepMs must be a positive number (got ${String(stepMs)}); inferring it`,
      });
    }
    stepMs = inferStep(timed.map((s) => s.t));
    stepInferred = true;
    if (!Number.isFinite(stepMs)) {
      if (timed.length > 0) {
        warnings.push({
          code: 'STEP_UNKNOWN',
          message: 'no series has two distinct timestamps; using a step of 1000 ms',
        });
      }
      stepMs = 1000;
    } else {
      warnings.push({
        code: 'STEP_INFERRED',
        message: `grid step inferred as ${stepMs} ms (largest per-series median spacing)`,
      });
    }
  }

  let minT = Infinity;
  let maxT = -Infinity;
  for (const s of timed) {
    if (s.t.length > 0) {
      minT = Math.min(minT, s.t[0]);
      maxT = Math.max(maxT, s.t[s.t.length - 1]);
    }
  }
  const untimedMax = series.reduce((m, s) => (s.timestamps === undefined ? Math.max(m, s.values.length) : m), 0);
  let start: number;
  let length: number;
  if (gridOpts?.start !== undefined && Number.isFinite(gridOpts.start)) {
    start = gridOpts.start;
  } else if (Number.isFinite(minT)) {
    start = Math.floor(minT / stepMs) * stepMs;
  } else {
    start = 0;
  }
  const end = gridOpts?.end !== undefined && Number.isFinite(gridOpts.end) ? gridOpts.end : maxT;
  length = Number.isFinite(end) && end >= start ? Math.floor((end - start) / stepMs) + 1 : 0;
  length = Math.max(length, untimedMax);
  if (length === 0) {
    return { grid: null, values: series.map(() => new Float64Array(0)) };
  }
  // Value i of a series without timestamps sits at the untruncated start + i * step.
  let dropped = 0;
  if (length > maxPoints) {
    warnings.push({
      code: 'LIMIT_EXCEEDED',
      message: `grid has ${length} points, more than limits.maxPoints = ${maxPoints}; keeping the latest ${maxPoints}`,
    });
    dropped = length - maxPoints;
    start += dropped * stepMs;
    length = maxPoints;
  }

  const values = series.map((s, idx): Float64Array => {
    const srt = sorted[idx];
    let out: Float64Array;
    if (srt === null) {
      const v = toFloat64(s.values as ArrayLike<number | null>);
      // A series that already fills the grid with finite values is used as it is: no copy (no stage
      // writes into the aligned values, stages/context.ts).
      if (dropped === 0 && v.length === length && everyFinite(v)) {
        return v;
      }
      out = new Float64Array(length);
      // The same end as the timed series: when the cap drops the earliest grid points, drop them here too.
      // One pass copies and turns +-Infinity into NaN; grid points past the series' end are missing.
      const from = Math.min(dropped, v.length);
      const count = Math.min(dropped + length, v.length) - from;
      for (let i = 0; i < count; i++) {
        const x = v[from + i];
        out[i] = Number.isFinite(x) ? x : NaN;
      }
      out.fill(NaN, count);
    } else {
      out = bucketize(srt.t, srt.v, start, stepMs as number, length, align.aggregation);
    }
    fillGaps(out, align.fill, align.maxGap);
    return out;
  });
  return { grid: { start, stepMs, length, stepInferred }, values };
}

function everyFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      return false;
    }
  }
  return true;
}
