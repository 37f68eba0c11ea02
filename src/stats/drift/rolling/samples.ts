/**
 * Rolling drift of raw samples: two sorted sliding windows (current and, if it moves, baseline) updated
 * by binary insertion/removal as observations enter and leave; bins use binary search on the sorted
 * window. `incremental: false` re-sorts every window's samples instead (benchmark / test oracle).
 */
import { baselineRange } from '../baseline';
import { upperBound } from '../../util/sortedSearch';
import { binSortedSamples } from '../psi';
import { prepareSampleBaseline, SampleBaseline, scoreBuckets, scoreSamples } from '../score';
import { sum } from './gridSteps';
import { TimeWindow } from './sortedWindow';
import type { DriftInput, PipelineRun } from './types';

/** Ascending values of the observations with time in (from, to], by re-sorting (from-scratch path). */
function sliceSorted(times: Float64Array, values: Float64Array, from: number, to: number): Float64Array {
  const a = upperBound(times, from);
  const b = upperBound(times, to);
  return values.slice(a, b).sort();
}

export function rollingSamples(
  input: Extract<DriftInput, { kind: 'samples' }>,
  { grid, options, stat, out, warnings }: PipelineRun
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
