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
import { resolveStatic, ResolvedStatic } from '../baseline';
import { allocateOutput } from '../score';
import { rollingCounters } from './counters';
import { rollingSamples } from './samples';
import type { DriftGrid, DriftInput, RollingDrift, RollingOptions } from './types';

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
    rollingSamples(input, { grid, options, stat, out, warnings });
  } else {
    rollingCounters(input, { grid, options, stat, out, warnings });
  }
  return { ...out, warnings };
}
