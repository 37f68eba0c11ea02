/**
 * A tiny in-memory subset of PromQL over simulated series: select by name and labels, per-series
 * rate()/increase() with counter-reset handling, sum across series. Enough for tests and for the
 * end-to-end tests of the stats engine to compute the same signals a Prometheus data source would,
 * without a Prometheus. Not a PromQL engine: no extrapolation at range boundaries.
 */
import type { Labels, MetricFamily, ScalarSeries } from './types';

/** Flattened view: sample name (e.g. `x_total`, `x_bucket`, `x_sum`, `DCGM_FI_DEV_GPU_TEMP`) → series. */
export type SampleIndex = Map<string, ScalarSeries[]>;

export function formatLe(bound: number): string {
  return Number.isFinite(bound) ? String(bound) : '+Inf';
}

export function indexSamples(families: readonly MetricFamily[]): SampleIndex {
  const index: SampleIndex = new Map();
  const add = (name: string, s: ScalarSeries) => {
    const list = index.get(name) ?? [];
    list.push(s);
    index.set(name, list);
  };
  for (const f of families) {
    if (f.type === 'histogram') {
      for (const h of f.series) {
        h.cumulative.forEach((values, i) =>
          add(`${f.name}_bucket`, { labels: { ...h.labels, le: formatLe(h.bounds[i] ?? Infinity) }, values })
        );
        add(`${f.name}_sum`, { labels: h.labels, values: h.sum });
        add(`${f.name}_count`, { labels: h.labels, values: h.count });
      }
    } else {
      for (const s of f.series) {
        add(f.type === 'counter' ? `${f.name}_total` : f.name, s);
      }
    }
  }
  return index;
}

export function select(index: SampleIndex, name: string, matchers: Labels = {}): ScalarSeries[] {
  return (index.get(name) ?? []).filter((s) => Object.entries(matchers).every(([k, v]) => s.labels[k] === v));
}

/**
 * increase() over `w` steps with Prometheus' reset rule (a drop means the counter restarted from 0,
 * so the new value is all increase). The first `w` points use the shorter available range, scaled.
 */
export function increase(values: Float64Array, w: number): Float64Array {
  const n = values.length;
  // Reset-corrected running total, then differences over the window.
  const corrected = new Float64Array(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && values[i] < values[i - 1]) {
      offset += values[i - 1];
    }
    corrected[i] = values[i] + offset;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = Math.max(0, i - w);
    out[i] = i === j ? NaN : ((corrected[i] - corrected[j]) * w) / (i - j);
  }
  return out;
}

export function rate(values: Float64Array, w: number, stepSeconds: number): Float64Array {
  return increase(values, w).map((v) => v / (w * stepSeconds));
}

export function sumSeries(list: readonly Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  for (const v of list) {
    for (let i = 0; i < length; i++) {
      out[i] += v[i];
    }
  }
  return out;
}

export function divide(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((x, i) => (b[i] === 0 ? NaN : x / b[i]));
}

/** sum(rate(name{matchers}[w])) */
export function sumRate(
  index: SampleIndex,
  name: string,
  matchers: Labels,
  w: number,
  stepSeconds: number,
  length: number
): Float64Array {
  return sumSeries(
    select(index, name, matchers).map((s) => rate(s.values, w, stepSeconds)),
    length
  );
}

/** avg / max of a gauge across matching series. */
export function aggregateGauge(
  index: SampleIndex,
  name: string,
  matchers: Labels,
  how: 'avg' | 'max',
  length: number
): Float64Array {
  const list = select(index, name, matchers);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    let acc = how === 'max' ? -Infinity : 0;
    for (const s of list) {
      acc = how === 'max' ? Math.max(acc, s.values[i]) : acc + s.values[i];
    }
    out[i] = how === 'max' ? acc : acc / list.length;
  }
  return out;
}

/**
 * sum by (le) (rate(name_bucket{matchers}[w])): per-step *cumulative* bucket rates, the input the
 * drift engine turns into bucket shares for PSI. Returns bounds (with +Inf last) and one array per bound.
 */
export function bucketRates(
  index: SampleIndex,
  histogram: string,
  matchers: Labels,
  w: number,
  stepSeconds: number,
  length: number
): { le: number[]; rates: Float64Array[] } {
  const byLe = new Map<string, Float64Array[]>();
  for (const s of select(index, `${histogram}_bucket`, matchers)) {
    const list = byLe.get(s.labels.le) ?? [];
    list.push(rate(s.values, w, stepSeconds));
    byLe.set(s.labels.le, list);
  }
  // parseFloat('+Inf') is NaN, which would scramble the sort: read it as Infinity.
  const bound = (l: string) => (l === '+Inf' ? Infinity : parseFloat(l));
  const les = [...byLe.keys()].sort((a, b) => bound(a) - bound(b));
  return {
    le: les.map(bound),
    rates: les.map((l) => sumSeries(byLe.get(l) ?? [], length)),
  };
}

/** histogram_quantile(q, ...) with Prometheus' linear interpolation inside the bucket. */
export function histogramQuantile(
  q: number,
  le: number[],
  cumulativeRates: Float64Array[],
  length: number
): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const total = cumulativeRates[cumulativeRates.length - 1][i];
    if (!(total > 0)) {
      out[i] = NaN;
      continue;
    }
    const rank = q * total;
    let b = 0;
    while (b < le.length - 1 && cumulativeRates[b][i] < rank) {
      b++;
    }
    if (!Number.isFinite(le[b])) {
      out[i] = le[le.length - 2];
      continue;
    }
    const lower = b === 0 ? 0 : le[b - 1];
    const below = b === 0 ? 0 : cumulativeRates[b - 1][i];
    const inBucket = cumulativeRates[b][i] - below;
    out[i] = inBucket > 0 ? lower + ((le[b] - lower) * (rank - below)) / inBucket : le[b];
  }
  return out;
}
