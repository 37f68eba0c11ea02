import { median } from '../util/median';

/**
 * Infers the grid step (ms) from sorted timestamps of several series.
 *
 * Each series contributes the median of its positive consecutive spacings (robust to scrape gaps and
 * jitter); the grid uses the LARGEST of these so that every series has at least one sample in most
 * buckets (aligning a 60 s series on a 1 s grid would leave 59 of 60 buckets empty).
 * Returns NaN when no series has two distinct timestamps.
 */
export function inferStep(sortedTimestamps: Float64Array[]): number {
  let best = NaN;
  for (const ts of sortedTimestamps) {
    const diffs: number[] = [];
    for (let i = 1; i < ts.length; i++) {
      const d = ts[i] - ts[i - 1];
      if (d > 0) {
        diffs.push(d);
      }
    }
    if (diffs.length > 0) {
      const m = median(diffs);
      if (!(best >= m)) {
        best = m;
      }
    }
  }
  return best;
}
