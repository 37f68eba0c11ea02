/**
 * Frames for the panel browser tests and the panel benchmark, produced by the real engine (src/stats)
 * on simulator output (simulator/), in Node. Stands in for the data source until its Prometheus-backed
 * path exists: same engine, same frame conversion (src/shared/resultToFrames), no Prometheus.
 */
import './panelsNodeShim';
import { DataFrameJSON, dataFrameToJSON } from '@grafana/data';
import { mulberry32 as seeded } from '../../simulator/rng';
import { analyze, rollingDrift, type AnalyzeRequest, type SeriesInput } from '../../src/stats';
import type { SignalInfo } from '../../src/shared/frameContract';
import { resultToFrames } from '../../src/shared/frames';
import { FEATURES } from '../../simulator/model/config';
import { select, sumSeries } from '../../simulator/series';
import { featureDriftId, SIGNALS } from '../../simulator/signals';
import { evaluateSignal, signalContext, simulate, SimulationResult } from '../../simulator/simulate';
import type { GroundTruth } from '../../simulator/types';

export interface ScenarioFixture {
  sim: SimulationResult;
  series: SeriesInput[];
  signals: SignalInfo[];
  /** The data source's frames: matrix, lag curves, aligned inputs (JSON for the sandbox). */
  frames: DataFrameJSON[];
  /** Plain time series frames (any data source) for the panels' own analysis. */
  timeSeries: Array<Record<string, unknown>>;
  truth: GroundTruth;
  stepMs: number;
}

/** PSI of one feature's histogram (5-step windows) against its first 6 hours, as the drift engine computes it. */
function featurePsi(
  sim: SimulationResult,
  feature: string,
  index: ReturnType<typeof signalContext>['index']
): Float64Array {
  const n = sim.timestamps.length;
  const byLe = new Map<string, Float64Array[]>();
  for (const s of select(index, 'recsys_feature_value_bucket', { feature })) {
    byLe.set(s.labels.le, [...(byLe.get(s.labels.le) ?? []), s.values]);
  }
  const les = [...byLe.keys()].sort((x, y) => parseFloat(x) - parseFloat(y));
  const stepMs = sim.stepSeconds * 1000;
  const rolled = rollingDrift(
    { kind: 'histogram', le: les, buckets: les.map((l) => sumSeries(byLe.get(l)!, n)), mode: 'cumulative' },
    { start: sim.timestamps[0], stepMs, length: n },
    {
      windowMs: 5 * stepMs,
      baseline: { kind: 'fixed', from: sim.timestamps[0], to: sim.timestamps[0] + 6 * 3600_000 },
      methods: ['psi'],
    }
  );
  return Float64Array.from(rolled.scores.psi!);
}

const MODEL_FEATURES = ['user_ctr_7d', 'user_tenure_days', 'item_price'];

/** Scenario 1 (cache eviction storm) by default: cache_miss_ratio leads feature drift. */
export function scenarioFixture(
  scenario: 'cache-eviction-storm' = 'cache-eviction-storm',
  hours = 24
): ScenarioFixture {
  const sim = simulate({ scenario, hours, seed: 1 });
  const ctx = signalContext(sim);
  const series: SeriesInput[] = [];
  const signals: SignalInfo[] = [];
  for (const s of SIGNALS.filter((d) => d.evaluate)) {
    series.push({
      id: s.id,
      name: s.id,
      timestamps: Array.from(sim.timestamps),
      values: Array.from(evaluateSignal(sim, s.id, ctx)),
    });
    signals.push({
      name: s.id,
      role: s.category,
      signal: s.id,
      labels: {},
      expr: s.promql,
      datasourceUid: 'prometheus',
    });
  }
  const features = FEATURES.map((f) => f.name as string).filter((f) => MODEL_FEATURES.includes(f));
  for (const f of features) {
    const id = featureDriftId(f as never);
    series.push({
      id,
      name: id,
      timestamps: Array.from(sim.timestamps),
      values: Array.from(featurePsi(sim, f, ctx.index)),
    });
    signals.push({
      name: id,
      role: 'model',
      signal: id,
      labels: {},
      expr: SIGNALS.find((d) => d.id === id)?.promql,
      datasourceUid: 'prometheus',
    });
  }
  const request: AnalyzeRequest = {
    version: 1,
    series,
    correlation: { method: 'pearson' },
    clustering: {},
    lags: { maxLag: 15, all: true },
    includeAligned: true,
  };
  const result = analyze(request);
  const frames = resultToFrames(result, { refId: 'A', signals, aligned: true }).map((f) => dataFrameToJSON(f));
  const truth = sim.truth.truths.find(
    (t) => t.causeId === 'cache_miss_ratio' && t.effectId === featureDriftId('user_ctr_7d' as never)
  )!;
  const timeSeries = series.map((s) => timeSeriesFrame(s.name ?? s.id, s.timestamps as number[], s.values as number[]));
  return { sim, series, signals, frames, timeSeries, truth, stepMs: sim.stepSeconds * 1000 };
}

export function timeSeriesFrame(
  name: string,
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  refId = 'A'
): Record<string, unknown> {
  return {
    refId,
    name,
    fields: [
      { name: 'Time', type: 'time', values: Array.from(times), config: {} },
      {
        name: 'Value',
        type: 'number',
        values: Array.from(values, (v) => (Number.isFinite(v) ? v : null)),
        config: { displayName: name },
      },
    ],
  };
}

/**
 * A matrix frame for `n` synthetic signals in a handful of correlated groups (so clustering and colour
 * have structure), computed by the real engine on short series: for size tests and the benchmark.
 */
export function syntheticMatrixFrames(n: number, points = 120): DataFrameJSON[] {
  const rnd = seeded(n);
  const groups = Array.from({ length: 6 }, () => Array.from({ length: points }, () => rnd() - 0.5));
  const series: SeriesInput[] = Array.from({ length: n }, (_, i) => {
    const g = groups[i % groups.length];
    const w = 0.3 + rnd();
    const sign = i % 4 === 3 ? -1 : 1;
    return {
      id: `signal_${String(i).padStart(3, '0')}_${['cpu', 'cache', 'gpu', 'memory', 'drift', 'latency'][i % 6]}`,
      values: g.map((v) => sign * w * v + (rnd() - 0.5) * 0.6),
    };
  });
  const signals: SignalInfo[] = series.map((s) => ({
    name: s.id,
    role: s.id.endsWith('drift') ? 'model' : 'infra',
    signal: s.id,
    labels: {},
  }));
  const result = analyze({ version: 1, series, grid: { start: 0, stepMs: 60_000 }, correlation: {}, clustering: {} });
  return resultToFrames(result, { refId: 'A', signals }).map((f) => dataFrameToJSON(f));
}
