/** @jest-environment node */
/**
 * End to end on simulator data through `analyze`: drift computed by the drift engine from the feature
 * histograms, correlated with the infra signals, must recover each scenario's planted ground truth.
 * Every signal is smoothed alike (2-step windows), so lags are read between equally delayed series.
 */
import { analyze, type AnalyzeRequest, type AnalyzeResult } from '../../src/stats';
import { histogramInput } from '../support/incidentScenarios';
import { SIGNALS } from '../../simulator/signals';
import { evaluateSignal, signalContext, simulate, SimulationResult } from '../../simulator/simulate';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 20, 0, 0, 0);
const WINDOW_SECONDS = 120;

const INFRA_IDS = SIGNALS.filter((s) => s.category === 'infra' && s.evaluate).map((s) => s.id);

function infraSeries(sim: SimulationResult) {
  const ctx = signalContext(sim, WINDOW_SECONDS);
  return INFRA_IDS.map((id) => ({ id, values: evaluateSignal(sim, id, ctx) }));
}

/** One feature's histogram as drift input (the rate windows of this test). */
function featureHistogram(sim: SimulationResult, feature: string) {
  return histogramInput(sim, signalContext(sim, WINDOW_SECONDS), 'recsys_feature_value', { feature });
}

function request(
  sim: SimulationResult,
  feature: string,
  baseline: { from: number; to: number },
  extra: Partial<AnalyzeRequest> = {}
): AnalyzeRequest {
  return {
    version: 1,
    series: infraSeries(sim),
    grid: { start: sim.timestamps[0], stepMs: sim.stepSeconds * 1000, end: sim.timestamps[sim.timestamps.length - 1] },
    correlation: { method: 'pearson' },
    significance: { adjust: 'fdr_bh', autocorrelation: 'bretherton', alpha: 0.05 },
    lags: { maxLag: 10, all: true, includeCurves: false },
    drift: {
      correlate: true,
      series: [
        {
          id: feature,
          input: featureHistogram(sim, feature),
          methods: ['psi'],
          baseline: { kind: 'fixed', ...baseline },
          windowMs: sim.stepSeconds * 1000,
        },
      ],
    },
    ...extra,
  };
}

function rowOf(result: AnalyzeResult, id: string) {
  const c = result.correlation!;
  const N = c.ids.length;
  const i = c.ids.indexOf(id);
  const lagIds = result.lags!.ids!;
  return c.ids
    .map((other, j) => {
      const li = lagIds.indexOf(id);
      const lj = lagIds.indexOf(other);
      return {
        id: other,
        r: c.r[i * N + j],
        q: c.q[i * N + j],
        bestLag: result.lags!.bestLagMatrix![li * lagIds.length + lj],
      };
    })
    .filter((x) => x.id !== id && INFRA_IDS.includes(x.id));
}

it('scenario 1: the cache-miss ratio is the top correlate of feature drift, with the planted lag (±1 step) and sign', () => {
  const sim = simulate({ scenario: 'cache-eviction-storm', hours: 12, end: END, seed: 1 });
  const incident = sim.truth.incidents[0];
  const truth = sim.truth.truths.find(
    (t) => t.causeId === 'cache_miss_ratio' && t.effectId === 'feature_drift:user_ctr_7d'
  )!;
  const result = analyze(request(sim, 'user_ctr_7d', { from: incident.start - 4 * HOUR, to: incident.start - HOUR }));
  const row = rowOf(result, 'drift:user_ctr_7d:psi').filter((x) => x.r !== null);
  row.sort((a, b) => Math.abs(b.r!) - Math.abs(a.r!));
  expect(row[0].id).toBe(truth.causeId);
  expect(Math.sign(row[0].r!)).toBe(truth.sign);
  expect(row[0].q!).toBeLessThan(0.05);
  // Row = drift, column = cause; positive lag means the row leads, so the cause leading is a negative lag.
  expect(Math.abs(-row[0].bestLag! - truth.lagSteps)).toBeLessThanOrEqual(1);
});

it('scenario 3: genuine data drift: no infra series is significant after FDR', () => {
  const sim = simulate({ scenario: 'data-drift', hours: 36, end: END, seed: 1 });
  const incident = sim.truth.incidents[0];
  const result = analyze(request(sim, 'user_tenure_days', { from: incident.start - 3 * HOUR, to: incident.start }));
  const row = rowOf(result, 'drift:user_tenure_days:psi');
  expect(row.filter((x) => x.r !== null).length).toBeGreaterThan(8); // not vacuous
  expect(row.filter((x) => x.q !== null && x.q < 0.05).map((x) => x.id)).toEqual([]);
  // And the drift itself is there: the latest level during the campaign is not "none".
  const scores = result.drift!.series[0].methods[0].scores.filter((s): s is number => s !== null);
  expect(Math.max(...scores)).toBeGreaterThan(0.1);
});

it('scenario 4: traffic confounder: CPU-latency is high plainly and near 0 given the request rate', () => {
  const sim = simulate({ scenario: 'traffic-confounder', hours: 24, end: END, seed: 1 });
  const base: AnalyzeRequest = {
    version: 1,
    series: infraSeries(sim).filter((s) => ['cpu_usage', 'latency_mean', 'request_rate'].includes(s.id)),
    grid: { start: sim.timestamps[0], stepMs: 60_000 },
    correlation: { method: 'pearson' },
  };
  const plain = analyze(base);
  const partial = analyze({ ...base, partial: { controls: ['request_rate'] } });
  const c = plain.correlation!;
  const at = (ids: string[], m: Float64Array, a: string, b: string) => m[ids.indexOf(a) * ids.length + ids.indexOf(b)];
  process.stdout.write(
    `[scenario 4] r(cpu, latency) = ${at(c.ids, c.r, 'cpu_usage', 'latency_mean').toFixed(3)}, partial given request_rate = ${at(partial.partial!.ids, partial.partial!.r, 'cpu_usage', 'latency_mean').toFixed(3)}\n`
  );
  expect(at(c.ids, c.r, 'cpu_usage', 'latency_mean')).toBeGreaterThan(0.8);
  expect(Math.abs(at(partial.partial!.ids, partial.partial!.r, 'cpu_usage', 'latency_mean'))).toBeLessThan(0.15);
  // And honestly so: significant plainly, not significant given traffic (both after FDR, autocorrelation-aware).
  expect(at(c.ids, c.q, 'cpu_usage', 'latency_mean')).toBeLessThan(0.05);
  expect(at(partial.partial!.ids, partial.partial!.q, 'cpu_usage', 'latency_mean')).toBeGreaterThan(0.05);
});
