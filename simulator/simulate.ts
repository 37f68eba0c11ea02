/**
 * Public entry points: build a schedule, run the pure service model over it, and collect the
 * exported series in memory. Exporters (export/openmetrics.ts, later a prom-client registry) work
 * from `SimulationResult` or step by step from `createRun`.
 */
import { SeriesRecorder } from './metrics';
import type { PodIdentity } from './model/pods';
import { ServiceModel, ServiceStep } from './model/service';
import { buildSchedule, driversAt, groundTruth, ScenarioChoice } from './scenarios';
import { indexSamples, SampleIndex } from './series';
import { signal, SignalContext } from './signals';
import type { MetricFamily, Schedule, ScenarioTruth } from './types';

export interface SimulateOptions {
  scenario: ScenarioChoice;
  /** Default 1. */
  seed?: number;
  /** Default 60 s. */
  stepSeconds?: number;
  /** Range length; default 48 h. */
  hours?: number;
  /** Last timestamp (ms since epoch), aligned down to the step. Default a fixed date, for reproducible tests. */
  end?: number;
  /** Replicas of the ranker; default 2. */
  replicas?: number;
  /** Keep every `ServiceStep` (latent state) in the result; default false. */
  keepSteps?: boolean;
}

export interface SimulationResult {
  scenario: ScenarioChoice;
  seed: number;
  stepSeconds: number;
  /** Sample times, ms since epoch, one per step. */
  timestamps: Float64Array;
  schedule: Schedule;
  truth: ScenarioTruth;
  pods: PodIdentity[];
  families: MetricFamily[];
  steps?: ServiceStep[];
}

export const DEFAULT_END = Date.UTC(2025, 0, 13, 0, 0, 0);
export const DEFAULTS = { seed: 1, stepSeconds: 60, hours: 48, replicas: 2 } as const;

export interface Run {
  schedule: Schedule;
  truth: ScenarioTruth;
  model: ServiceModel;
  /** Times of the steps `next()` will return, in order (ms). */
  timestamps: Float64Array;
}

/** Set up a run without stepping it: the live server can call `model.next()` on its own clock. */
export function createRun(opts: SimulateOptions): Run {
  const stepSeconds = opts.stepSeconds ?? DEFAULTS.stepSeconds;
  if (!(stepSeconds > 0)) {
    throw new RangeError('stepSeconds must be > 0');
  }
  const stepMs = stepSeconds * 1000;
  const hours = opts.hours ?? DEFAULTS.hours;
  const n = Math.max(1, Math.round((hours * 3600) / stepSeconds));
  const lastIndex = Math.floor((opts.end ?? DEFAULT_END) / stepMs);
  const timestamps = Float64Array.from({ length: n }, (_, i) => (lastIndex - n + 1 + i) * stepMs);
  const start = timestamps[0];
  const end = timestamps[n - 1] + stepMs;
  const schedule = buildSchedule(opts.scenario, start, end, stepSeconds);
  const model = new ServiceModel({
    seed: opts.seed ?? DEFAULTS.seed,
    stepSeconds,
    replicas: opts.replicas ?? DEFAULTS.replicas,
    start,
    driversAt: (t) => driversAt(schedule, t),
  });
  return { schedule, truth: groundTruth(opts.scenario, schedule), model, timestamps };
}

/** Simulate the whole range in memory. */
export function simulate(opts: SimulateOptions): SimulationResult {
  const run = createRun(opts);
  const n = run.timestamps.length;
  const recorder = new SeriesRecorder(run.model.pods, n);
  const steps: ServiceStep[] = [];
  for (let i = 0; i < n; i++) {
    const step = run.model.next();
    recorder.record(i, step);
    if (opts.keepSteps) {
      steps.push(step);
    }
  }
  return {
    scenario: opts.scenario,
    seed: opts.seed ?? DEFAULTS.seed,
    stepSeconds: run.model.stepSeconds,
    timestamps: run.timestamps,
    schedule: run.schedule,
    truth: run.truth,
    pods: run.model.pods,
    families: recorder.result(),
    ...(opts.keepSteps ? { steps } : {}),
  };
}

/** Context to evaluate `SIGNALS` on a result (rate windows of `windowSeconds`, default 5 min like the PromQL). */
export function signalContext(result: SimulationResult, windowSeconds = 300): SignalContext & { index: SampleIndex } {
  return {
    index: indexSamples(result.families),
    stepSeconds: result.stepSeconds,
    length: result.timestamps.length,
    windowSteps: Math.max(1, Math.round(windowSeconds / result.stepSeconds)),
  };
}

/** Evaluate a named signal (not a 'psi' one) on a result. */
export function evaluateSignal(result: SimulationResult, id: string, ctx = signalContext(result)): Float64Array {
  const s = signal(id);
  if (!s.evaluate) {
    throw new Error(`signal ${id} is a ${s.transform} signal: use bucketRates() and the drift engine`);
  }
  return s.evaluate(ctx);
}
