/**
 * Incidents of the simulator as compare requests: one seeded timeline that plays every scenario in turn
 * ("all"), each incident judged against the quiet time before it, as a user zooming on it would. Shared
 * by the verdict tests, the CLI's scenario CSVs and the benchmark, so they all judge the same cases.
 */
import { driftSeriesId, type AnalyzeRequest, type CompareBaseline, type VerdictKind } from '../../src/stats';
import { DEFAULT_ANALYSIS } from '../../src/datasource/query/defaults';
import { FEATURES } from '../../simulator/model/config';
import { incidentWindow } from '../../simulator/scenarios/incidentWindow';
import { bucketRates } from '../../simulator/series';
import { featureDriftId, INFRA_SIGNAL_IDS, SIGNALS } from '../../simulator/signals';
import { evaluateSignal, signalContext, simulate, type SimulationResult } from '../../simulator/simulate';
import type { ScenarioName } from '../../simulator/types';

const MINUTE = 60_000;
/** Rate windows of the PromQL signals (5m), and the drift window (10 steps, the data source default). */
const RATE_WINDOW_SECONDS = 300;
const DRIFT_WINDOW_STEPS = 10;
/** Hours of the "all" timeline: 8 h per scenario, room for a quiet baseline before each incident. */
export const TIMELINE_HOURS = 40;

export interface IncidentCase {
  scenario: ScenarioName;
  incident: { from: number; to: number };
  baseline: CompareBaseline;
  /** The signal whose verdict is checked. */
  target: string;
  controls: string[];
  expected: VerdictKind;
  /** At least one of these must be named (infrastructure, confounded); none may be named for data drift. */
  expectNamed: string[];
  /** Signals that can be named as infrastructure. */
  infrastructure: string[];
}

export function simulateTimeline(seed: number): SimulationResult {
  return simulate({ scenario: 'all', seed, hours: TIMELINE_HOURS, stepSeconds: 60 });
}

const psiId = (id: string) => driftSeriesId(id, 'psi');

/** Per-step bucket counts of a histogram, summed over pods: what `increase()` by (le) returns, as drift input. */
export function histogramInput(
  sim: SimulationResult,
  ctx: ReturnType<typeof signalContext>,
  metric: string,
  matchers: Record<string, string>
) {
  const { le, rates } = bucketRates(ctx.index, metric, matchers, ctx.windowSteps, sim.stepSeconds, ctx.length);
  return {
    kind: 'histogram' as const,
    le,
    buckets: rates.map((r) => r.map((v) => v * sim.stepSeconds)),
    mode: 'increase' as const,
  };
}

/** Every simulator signal as the demo's data source reads it: plain series, and PSI drift of each histogram. */
export function timelineRequest(sim: SimulationResult): AnalyzeRequest {
  const ctx = signalContext(sim, RATE_WINDOW_SECONDS);
  const stepMs = sim.stepSeconds * 1000;
  // Drift against a fixed reference (as against training data): the first quiet hours of the timeline.
  const reference = { kind: 'fixed' as const, ...driftReference(sim) };
  const plain = SIGNALS.filter((s) => s.evaluate).map((s) => ({ id: s.id, values: evaluateSignal(sim, s.id, ctx) }));
  const drift = [
    { id: 'score_drift', input: histogramInput(sim, ctx, 'recsys_prediction_score', {}) },
    ...FEATURES.map((f) => ({
      id: featureDriftId(f.name),
      input: histogramInput(sim, ctx, 'recsys_feature_value', { feature: f.name }),
    })),
  ].map((d) => ({ ...d, methods: ['psi' as const], windowMs: DRIFT_WINDOW_STEPS * stepMs, baseline: reference }));
  return {
    version: 1,
    series: plain,
    grid: { start: sim.timestamps[0], stepMs, end: sim.timestamps[sim.timestamps.length - 1] },
    correlation: { enabled: false },
    drift: { correlate: true, series: drift },
  };
}

/** Where each scenario's verdict is read, and what it must say. */
const EXPECTATIONS: Record<
  ScenarioName,
  Pick<IncidentCase, 'target' | 'expected' | 'expectNamed' | 'controls'> & { sameMeasurement?: string[] }
> = {
  'cache-eviction-storm': {
    target: 'conversion_rate',
    expected: 'infrastructure',
    expectNamed: ['cache_miss_ratio'],
    controls: ['request_rate'],
  },
  'gpu-thermal-throttling': {
    target: psiId(featureDriftId('session_length_seconds')),
    expected: 'infrastructure',
    expectNamed: ['gpu_temp', 'timeout_ratio'],
    controls: ['request_rate'],
  },
  'data-drift': {
    target: psiId(featureDriftId('user_tenure_days')),
    expected: 'data drift',
    expectNamed: [],
    controls: ['request_rate'],
  },
  'traffic-confounder': {
    target: 'latency_mean',
    expected: 'confounded',
    expectNamed: ['request_rate'],
    controls: ['request_rate'],
    // Other views of the same latency distribution are not candidates for what moves latency.
    sameMeasurement: ['latency_p99', 'timeout_ratio', 'preprocessing_skipped_ratio'],
  },
  'memory-leak': {
    target: psiId(featureDriftId('user_tenure_days')),
    expected: 'infrastructure',
    expectNamed: ['memory_working_set', 'restarts'],
    controls: ['request_rate'],
  },
};

/**
 * One case per scenario: the incident window is the scenario's (its first, larger incident), the
 * baseline the quiet time before it in its slice. The data-drift window also takes in the last 15
 * minutes of the GPU incident before it, as a hand-zoomed window does.
 */
export function incidentCases(sim: SimulationResult): IncidentCase[] {
  const { incidents, start } = sim.schedule;
  const seen = new Set<string>();
  return incidents.flatMap((inc, k) => {
    if (seen.has(inc.scenario)) {
      return [];
    }
    seen.add(inc.scenario);
    const { incident, baseline } = incidentWindow(incidents, k, start);
    const { sameMeasurement = [], ...expected } = EXPECTATIONS[inc.scenario];
    const infrastructure = INFRA_SIGNAL_IDS.filter(
      (id) => id !== expected.target && !expected.controls.includes(id) && !sameMeasurement.includes(id)
    );
    return [
      {
        scenario: inc.scenario,
        incident,
        baseline: { kind: 'fixed', ...baseline },
        infrastructure,
        ...expected,
      },
    ];
  });
}

/** The drift reference of the timeline: its first quiet hours (as against training data). */
function driftReference(sim: SimulationResult): { from: number; to: number } {
  const first = sim.schedule.incidents[0];
  return { from: sim.timestamps[0] + 30 * MINUTE, to: first.start - 10 * MINUTE };
}

/** How the incident page names a case's target: a drift series by its label, other signals by their id. */
export function targetName(c: IncidentCase): string {
  const drift = /^drift:feature_drift:(.+):psi$/.exec(c.target) ?? /^drift:(score_drift):psi$/.exec(c.target);
  return drift ? `${drift[1]} drift (psi)` : c.target;
}

/**
 * The same signals as an InfraDrift dashboard panel (one query): the simulator's PromQL for the plain
 * signals, named by their ids, and the score and feature histograms as PSI against the reference. The
 * incident page reads it through Prometheus, as a user's dashboard would.
 */
export function scenarioDashboard(
  sim: SimulationResult,
  uid: string
): { uid: string; title: string; panels: object[] } {
  const reference = driftReference(sim);
  const histogram = (key: string, expr: string, legendFormat: string, by: string[]) => ({
    key,
    expr,
    legendFormat,
    by,
    role: 'model',
    kind: 'histogram',
    transform: 'none',
    driftMethod: 'psi',
    baseline: 'fixed',
    baselineFrom: reference.from,
    baselineTo: reference.to,
    windowSteps: DRIFT_WINDOW_STEPS,
  });
  const plain = SIGNALS.filter((sig) => sig.evaluate).map((sig, i) => ({
    key: `S${i}`,
    expr: sig.promql,
    legendFormat: sig.id,
    role: sig.category === 'infra' ? 'infra' : 'model',
    kind: 'gauge',
    transform: 'none',
  }));
  const features = FEATURES.map((f, i) =>
    histogram(`F${i}`, `recsys_feature_value{namespace="recsys",feature="${f.name}"}`, '{{feature}}', ['feature'])
  );
  return {
    uid,
    title: 'Simulator scenarios',
    panels: [
      {
        id: 1,
        type: 'infradrift-matrix-panel',
        title: 'Every signal',
        datasource: { type: 'infradrift-correlation-datasource', uid: 'infradrift' },
        targets: [
          {
            refId: 'A',
            schemaVersion: 1,
            datasource: { type: 'infradrift-correlation-datasource', uid: 'infradrift' },
            signals: [
              ...plain,
              histogram('P', 'recsys_prediction_score{namespace="recsys"}', 'score_drift', []),
              ...features,
            ],
            analysis: { ...DEFAULT_ANALYSIS, clustering: 'none' },
          },
        ],
      },
    ],
  };
}

export function caseRequest(base: AnalyzeRequest, c: IncidentCase): AnalyzeRequest {
  return {
    ...base,
    compare: {
      incident: c.incident,
      baseline: c.baseline,
      targets: [c.target],
      controls: c.controls,
      infrastructure: c.infrastructure,
      includeMatrices: false,
    },
  };
}
