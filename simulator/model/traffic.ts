/** Baseline demand: the daily cycle every infra signal inherits. */
import { SERVICE } from './config';

const DAY_MS = 86_400_000;

/**
 * Daily traffic factor at time t (ms): 1 ± diurnalAmplitude, peak at the configured UTC hour.
 * No weekly component on purpose: over a 48 h window a weekly wave looks like a trend, and a
 * trend shared with a feature shift would fake a correlation in the data-drift scenario.
 * The "weekly peak" of the cache scenario is an explicit incident instead.
 */
export function diurnalFactor(t: number): number {
  const peak = (SERVICE.diurnalPeakHourUtc * 3_600_000) % DAY_MS;
  const phase = (2 * Math.PI * (((t - peak) % DAY_MS) + DAY_MS)) / DAY_MS;
  return 1 + SERVICE.diurnalAmplitude * Math.cos(phase);
}
