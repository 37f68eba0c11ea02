/**
 * A simulation cut at a moment of its incident and moved in time so that moment is "now": live rule
 * evaluation (which always happens at the wall clock) then sees the incident in its window.
 */
import type { OpenMetricsInput } from '../../simulator/export/openmetrics';
import type { SimulationResult } from '../../simulator/simulate';
import type { MetricFamily } from '../../simulator/types';

export interface ShiftedHistory extends OpenMetricsInput {
  /** Added to every simulated time (ms). */
  shiftMs: number;
}

/** Samples up to `cut` (ms, simulated time), moved so the last one lands on `at` (ms, wall time). */
export function historyEndingAt(sim: SimulationResult, cut: number, at: number): ShiftedHistory {
  const stepMs = sim.stepSeconds * 1000;
  let last = 0;
  while (last + 1 < sim.timestamps.length && sim.timestamps[last + 1] <= cut) {
    last++;
  }
  const n = last + 1;
  const shiftMs = Math.floor(at / stepMs) * stepMs - sim.timestamps[last];
  const families: MetricFamily[] = sim.families.map((f) =>
    f.type === 'histogram'
      ? {
          ...f,
          series: f.series.map((h) => ({
            ...h,
            cumulative: h.cumulative.map((c) => c.subarray(0, n)),
            sum: h.sum.subarray(0, n),
            count: h.count.subarray(0, n),
          })),
        }
      : { ...f, series: f.series.map((s) => ({ ...s, values: s.values.subarray(0, n) })) }
  );
  return {
    timestamps: sim.timestamps.subarray(0, n).map((t) => t + shiftMs),
    stepSeconds: sim.stepSeconds,
    families,
    shiftMs,
  };
}
