/**
 * Baselines: which distribution the window ending at grid time t is compared with.
 *
 *   fixed      (from, to]                              a reference range in ms, the same for every t
 *   preceding  (t - w - k*w, t - w]                    the k-times-longer window just before (default k = 4,
 *                                                      as Netdata's anomaly advisor compares with 4x)
 *   shifted    (t - s - w, t - s]                      same window one period earlier, s = 1 d or 7 d
 *                                                      (or any ms) to cancel daily/weekly seasonality
 *   static     a fixed distribution given as JSON, e.g. from training data:
 *              { le, counts } per-bucket counts at Prometheus upper bounds ("+Inf" allowed),
 *              { edges, counts } numpy-style edges (counts.length + 1) = buckets (edges[i], edges[i+1]],
 *              { categories, counts }, or { samples }.
 * Windows are half-open (from, to] like PromQL ranges. A baseline with no counts yields no score and a
 * warning, never a 0.
 */
import { parseLe } from './histogram';

export const DAY_MS = 86_400_000;

export type StaticDistribution =
  | { le: Array<number | string>; counts: number[] }
  | { edges: number[]; counts: number[] }
  | { categories: string[]; counts: number[] }
  | { samples: number[] };

export type BaselineSpec =
  | { kind: 'fixed'; from: number; to: number }
  | { kind: 'preceding'; factor?: number }
  | { kind: 'shifted'; shift: '1d' | '7d' | number }
  | { kind: 'static'; distribution: StaticDistribution };

export const DEFAULT_PRECEDING_FACTOR = 4;

/** Time range (from, to] in ms of the baseline for the window ending at `end`; null for static baselines. */
export function baselineRange(spec: BaselineSpec, end: number, windowMs: number): { from: number; to: number } | null {
  switch (spec.kind) {
    case 'fixed':
      return { from: spec.from, to: spec.to };
    case 'preceding': {
      const k = spec.factor ?? DEFAULT_PRECEDING_FACTOR;
      return { from: end - windowMs - k * windowMs, to: end - windowMs };
    }
    case 'shifted': {
      const s = shiftMs(spec.shift);
      return { from: end - s - windowMs, to: end - s };
    }
    case 'static':
      return null;
  }
}

export function shiftMs(shift: '1d' | '7d' | number): number {
  return shift === '1d' ? DAY_MS : shift === '7d' ? 7 * DAY_MS : shift;
}

/** A static distribution reduced to what the scorers need. */
export type ResolvedStatic =
  | { kind: 'buckets'; le: Float64Array; counts: Float64Array; firstLowerBound?: number }
  | { kind: 'categories'; categories: string[]; counts: Float64Array }
  | { kind: 'samples'; sorted: Float64Array };

/** Validates and normalises a static distribution; returns an error message instead of throwing (JSON input). */
export function resolveStatic(d: StaticDistribution): ResolvedStatic | { error: string } {
  const counts = 'counts' in d ? d.counts : undefined;
  if (counts !== undefined && (!Array.isArray(counts) || counts.some((c) => typeof c !== 'number' || !(c >= 0)))) {
    return { error: 'static distribution: counts must be non-negative numbers' };
  }
  try {
    if ('le' in d) {
      if (d.le.length !== d.counts.length) {
        return { error: 'static distribution: le and counts must have the same length' };
      }
      return { kind: 'buckets', le: parseLe(d.le), counts: Float64Array.from(d.counts) };
    }
    if ('edges' in d) {
      if (d.edges.length !== d.counts.length + 1) {
        return { error: 'static distribution: edges must have counts.length + 1 entries' };
      }
      return {
        kind: 'buckets',
        le: parseLe(d.edges.slice(1)),
        counts: Float64Array.from(d.counts),
        firstLowerBound: d.edges[0],
      };
    }
  } catch (e) {
    return { error: `static distribution: ${(e as Error).message}` };
  }
  if ('categories' in d) {
    if (d.categories.length !== d.counts.length) {
      return { error: 'static distribution: categories and counts must have the same length' };
    }
    return { kind: 'categories', categories: d.categories, counts: Float64Array.from(d.counts) };
  }
  if ('samples' in d && Array.isArray(d.samples)) {
    const finite = d.samples.filter((x) => typeof x === 'number' && Number.isFinite(x));
    return { kind: 'samples', sorted: Float64Array.from(finite).sort() };
  }
  return { error: 'static distribution: expected {le,counts}, {edges,counts}, {categories,counts} or {samples}' };
}

/**
 * Static bucket counts re-expressed on the series' `le`. Bounds must match; a missing +Inf bucket on the
 * static side counts as 0 (a training histogram often stops at its last finite edge).
 */
export function alignStaticBuckets(
  stat: { le: Float64Array; counts: Float64Array },
  le: ArrayLike<number>
): Float64Array | { error: string } {
  const n = le.length;
  const hasInf = n > 0 && le[n - 1] === Infinity;
  const statHasInf = stat.le.length > 0 && stat.le[stat.le.length - 1] === Infinity;
  const expected = stat.le.length + (hasInf && !statHasInf ? 1 : 0);
  if (expected !== n) {
    return { error: `static baseline has ${stat.le.length} buckets, series has ${n}` };
  }
  const out = new Float64Array(n);
  for (let i = 0; i < stat.le.length; i++) {
    if (stat.le[i] !== le[i]) {
      return { error: `static baseline bucket bound ${stat.le[i]} differs from series bound ${le[i]}` };
    }
    out[i] = stat.counts[i];
  }
  return out;
}

/** Static categories re-ordered to the series' categories; categories absent from the static side count 0. */
export function alignStaticCategories(
  stat: { categories: string[]; counts: Float64Array },
  categories: string[]
): Float64Array {
  const byName = new Map<string, number>();
  stat.categories.forEach((c, i) => byName.set(c, stat.counts[i]));
  return Float64Array.from(categories, (c) => byName.get(c) ?? 0);
}
