import type { FillPolicy } from '../contract';

/**
 * Fills interior runs of missing buckets no longer than `maxGap` steps, in place.
 * 'previous' carries the last value forward (a Prometheus gauge holds its value between scrapes);
 * 'linear' interpolates between the neighbours. Leading and trailing runs are never filled, and
 * longer gaps stay missing, so an outage is not disguised as data. Returns the number of filled points.
 */
export function fillGaps(values: Float64Array, policy: FillPolicy, maxGap: number): number {
  if (policy === 'none' || maxGap < 1) {
    return 0;
  }
  let filled = 0;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      continue;
    }
    const gap = i - last - 1;
    if (last >= 0 && gap > 0 && gap <= maxGap) {
      const a = values[last];
      const b = values[i];
      for (let k = 1; k <= gap; k++) {
        values[last + k] = policy === 'previous' ? a : a + ((b - a) * k) / (gap + 1);
      }
      filled += gap;
    }
    last = i;
  }
  return filled;
}
