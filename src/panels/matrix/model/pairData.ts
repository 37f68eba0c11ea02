/** Paired observations of two series for the drill-down charts: overlay (z-scores, lag-shifted) and scatter with a fit. Pure. */
import { alignmentShift, toFloat64, toJsonArray, zScore } from '../../../stats';
import type { NamedSeries } from '../../common/frames';

export interface Standardized {
  times: number[];
  values: Array<number | null>;
}

/**
 * The series standardised with the engine's z-score (sample sd), its time axis moved so that it lines
 * up with the other series at lag `lagMs` (the engine's lag convention). A series without spread is
 * drawn as a flat line at 0 rather than left out, so the overlay still shows where it has data.
 */
export function zscore(s: NamedSeries, lagMs = 0): Standardized {
  const shift = alignmentShift(lagMs);
  return {
    times: s.times.map((t) => t + shift),
    values: toJsonArray(zScore(toFloat64(s.values), { noSpread: 'zero' })),
  };
}

export interface ScatterData {
  x: number[];
  y: number[];
  /** Least-squares fit y = intercept + slope x, null with fewer than 2 distinct x. */
  fit: { slope: number; intercept: number } | null;
  /** Pairs before thinning. */
  count: number;
}

/** Pairs (A[t], B[t + lagMs]) matched on exact timestamps, thinned to at most `maxPoints` for drawing. */
export function scatterPairs(a: NamedSeries, b: NamedSeries, lagMs = 0, maxPoints = 2000): ScatterData {
  const bAt = new Map<number, number | null>();
  b.times.forEach((t, i) => bAt.set(t, b.values[i]));
  const x: number[] = [];
  const y: number[] = [];
  a.times.forEach((t, i) => {
    const va = a.values[i];
    const vb = bAt.get(t + lagMs);
    if (va !== null && Number.isFinite(va) && vb !== null && vb !== undefined && Number.isFinite(vb)) {
      x.push(va);
      y.push(vb);
    }
  });
  const count = x.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < count; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / count;
  const my = sy / count;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < count; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const fit = count >= 2 && sxx > 0 ? { slope: sxy / sxx, intercept: my - (sxy / sxx) * mx } : null;
  const stride = Math.max(1, Math.ceil(count / maxPoints));
  return {
    x: stride > 1 ? x.filter((_, i) => i % stride === 0) : x,
    y: stride > 1 ? y.filter((_, i) => i % stride === 0) : y,
    fit,
    count,
  };
}
