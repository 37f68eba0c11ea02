/** Grid arithmetic shared by both rolling pipelines. */
import type { DriftGrid } from './types';

/** A duration in whole grid steps; a duration that is not a multiple of the step is rounded, with a warning. */
export function steps(ms: number, grid: DriftGrid, what: string, warnings: string[]): number {
  const s = Math.round(ms / grid.stepMs);
  if (Math.abs(s * grid.stepMs - ms) > 1e-9 * grid.stepMs) {
    warnings.push(`${what} ${ms} ms is not a multiple of the grid step ${grid.stepMs} ms; rounded to ${s} steps`);
  }
  return s;
}

/** Grid index of the last grid time <= t (may be out of range: callers check). */
export function indexAtOrBefore(grid: DriftGrid, t: number): number {
  return Math.floor((t - grid.start) / grid.stepMs + 1e-9);
}

/** Sum of a count vector. */
export function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
  }
  return s;
}
