/** Shared types of the simulator: schedule, scenarios, ground truth, exported series. */

export type ScenarioName =
  'cache-eviction-storm' | 'gpu-thermal-throttling' | 'data-drift' | 'traffic-confounder' | 'memory-leak';

/** What the scenarios push on the service model at time t (neutral values = healthy service). */
export interface Drivers {
  /** × baseline request rate. */
  trafficMultiplier: number;
  /** × distinct cache keys per request (a broad campaign touches many cold users/items). */
  keyCardinality: number;
  /** 0..1 loss of GPU cooling. */
  coolingLoss: number;
  /** 0..1 share of requests from the new user segment. */
  segmentShare: number;
  /** Memory leak rate of the ranker process (bytes/s, before the per-pod factor). */
  leakBytesPerSecond: number;
}

export const NEUTRAL_DRIVERS: Readonly<Drivers> = {
  trafficMultiplier: 1,
  keyCardinality: 1,
  coolingLoss: 0,
  segmentShare: 0,
  leakBytesPerSecond: 0,
};

/** One incident on the timeline (times in ms since the epoch). */
export interface Incident {
  scenario: ScenarioName;
  start: number;
  end: number;
  /** Scenario-specific knobs fixed at placement time (e.g. the leak rate). */
  params?: Readonly<Record<string, number>>;
}

/** A timeline: the simulated range and the incidents playing on it. */
export interface Schedule {
  start: number;
  end: number;
  stepSeconds: number;
  incidents: Incident[];
}

/**
 * A planted relation. `cause`/`effect` are PromQL expressions (ready for a Prometheus data source);
 * `causeId`/`effectId` name the same signals in `SIGNALS` for in-memory evaluation.
 *  - kind 'lead': cause moves first, effect follows `lagSteps` later with `sign`.
 *  - kind 'confounder': cause and effect correlate only through `confounder` (partial corr ≈ 0).
 *  - kind 'none': no infra signal is related to the effect (sign 0).
 */
export interface GroundTruth {
  cause: string;
  effect: string;
  causeId: string;
  effectId: string;
  lagSteps: number;
  lagSeconds: number;
  sign: 1 | -1 | 0;
  kind: 'lead' | 'confounder' | 'none';
  confounder?: string;
  confounderId?: string;
  note?: string;
  /** Scenario that planted it (useful in "all", where each truth holds inside its own incidents). */
  scenario?: ScenarioName;
}

export interface ScenarioTruth {
  name: ScenarioName | 'all' | 'none';
  description: string;
  incidents: Array<{ scenario: ScenarioName; start: number; end: number }>;
  truths: GroundTruth[];
}

export type Labels = Readonly<Record<string, string>>;

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface FamilyMeta {
  /** Family name as in OpenMetrics (counters without `_total`). */
  name: string;
  type: MetricType;
  help: string;
  /** OpenMetrics unit; the family name must end with `_<unit>`. */
  unit?: string;
}

/** Counter (cumulative value of the `_total` sample) or gauge, one value per timestamp. */
export interface ScalarSeries {
  labels: Labels;
  values: Float64Array;
}

/** Histogram as Prometheus exposes it: cumulative bucket counts (last = +Inf), _sum, _count. */
export interface HistogramSeries {
  labels: Labels;
  /** Finite upper bounds; `cumulative[i]` is the `le=bounds[i]` bucket, the last one `le="+Inf"`. */
  bounds: readonly number[];
  cumulative: Float64Array[];
  sum: Float64Array;
  count: Float64Array;
}

export interface ScalarFamily extends FamilyMeta {
  type: 'counter' | 'gauge';
  series: ScalarSeries[];
}

export interface HistogramFamily extends FamilyMeta {
  type: 'histogram';
  series: HistogramSeries[];
}

export type MetricFamily = ScalarFamily | HistogramFamily;
