/**
 * Physical constants of the simulated recommender service. One place, so scenario files only
 * say *what goes wrong* and the docs can quote the numbers.
 *
 * Times are in seconds; lags are defined in seconds and converted to whole steps for the chosen
 * --step (the ground truth reports the lag actually planted, in steps).
 */

export const GiB = 1024 * 1024 * 1024;

export const SERVICE = {
  namespace: 'recsys',
  deployment: 'recsys-ranker',
  container: 'ranker',
  model: 'ranker-v3',
  node: 'gpu-node-1',
  gpuModel: 'NVIDIA A10G',
  /** Mean total request rate over the day (req/s, all replicas). */
  baseRps: 400,
  /** Relative amplitude of the daily cycle; peak at `diurnalPeakHourUtc`. */
  diurnalAmplitude: 0.3,
  diurnalPeakHourUtc: 20,
  /** Feature-cache lookups per request (user features + candidate item features). */
  cacheLookupsPerRequest: 12,
  /** Miss ratio in steady state and its sensitivity to load (the linear traffic link). */
  baseMissRatio: 0.035,
  missRatioPerLoad: 0.015,
  /** Distinct-key load (req/s × cardinality) above which the LRU thrashes: the eviction storm. */
  cacheCapacityRps: 1100,
  stormGain: 0.6,
  /** Above this miss ratio the slow-path fetches miss their deadline and features are imputed. */
  partialMissThreshold: 0.1,
  partialGain: 1.4,
  /** CPU: cores = idle + per-request cost × realised req/s; CFS quota. */
  cpuIdleCores: 0.25,
  cpuCoresPerRps: 0.004,
  cpuLimitCores: 4,
  cfsPeriodsPerSecond: 10,
  memoryBaseBytes: 1.5 * GiB,
  memoryLimitBytes: 4 * GiB,
  /** After a restart the in-process cache is cold: extra miss ratio decaying with this constant. */
  coldCacheMissRatio: 0.7,
  coldCacheTauSeconds: 150,
  /** Mean inference latency = base + per-rps term (the confounder path), seconds. */
  latencyBaseSeconds: 0.018,
  latencyPerRps: 0.00004,
  latencyLogSigma: 0.5,
  requestDeadlineSeconds: 0.25,
  /** GPU: A10G boost clock; thermal slowdown starts at `thermalThrottleC`. */
  gpuMaxSmClockMHz: 1695,
  thermalThrottleC: 84,
  thermalThrottleSpanC: 14,
  thermalMaxSlowdown: 0.55,
  gpuThermalTauSeconds: 240,
  /** Load shedder: skips session enrichment when the previous minute's timeout ratio exceeds this. */
  shedTimeoutThreshold: 0.01,
  shedGain: 6,
  baseAccuracy: 0.86,
  baseConversion: 0.045,
} as const;

/** Planted lags (seconds). */
export const LAGS = {
  /** Cache-miss surge → imputed (partial) features: fallback fetch backlog builds up. */
  cacheToPartialSeconds: 180,
  /** GPU temperature → SM clock slowdown: driver thermal policy acts on a smoothed reading. */
  tempToClockSeconds: 120,
  /** Timeouts → skipped preprocessing: the shedder reacts to the previous minute. */
  timeoutToShedSeconds: 60,
  /** Labels (conversions) arrive this late, so the accuracy gauge lags the predictions. */
  labelDelaySeconds: 1800,
  /** Accuracy gauge = mean over this window of labelled predictions. */
  accuracyWindowSeconds: 300,
} as const;

export function lagSteps(seconds: number, stepSeconds: number): number {
  return Math.max(seconds > 0 ? 1 : 0, Math.round(seconds / stepSeconds));
}

/** The lags the model plants at a given step (whole steps), shared by the model and the ground truth. */
export interface PlantedLags {
  partial: number;
  clock: number;
  shed: number;
  label: number;
  window: number;
  /** Effective lag of the accuracy gauge behind the predictions it scores (label delay + window centre). */
  accuracy: number;
}

export function plantedLags(stepSeconds: number): PlantedLags {
  const label = lagSteps(LAGS.labelDelaySeconds, stepSeconds);
  const window = lagSteps(LAGS.accuracyWindowSeconds, stepSeconds);
  return {
    partial: lagSteps(LAGS.cacheToPartialSeconds, stepSeconds),
    clock: lagSteps(LAGS.tempToClockSeconds, stepSeconds),
    shed: lagSteps(LAGS.timeoutToShedSeconds, stepSeconds),
    label,
    window,
    accuracy: label + Math.floor((window - 1) / 2),
  };
}

/** Realistic bucket layouts (upper bounds; +Inf is implicit). */
export const BUCKETS = {
  /** Prometheus client default buckets. */
  latencySeconds: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  predictionScore: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
} as const;

export type FeatureName =
  'user_tenure_days' | 'user_ctr_7d' | 'user_embedding_norm' | 'item_price' | 'session_length_seconds';

/** A feature's value distribution: log-normal (positive, skewed) or normal. */
export interface FeatureDist {
  kind: 'lognormal' | 'normal';
  /** lognormal: log-median; normal: mean. */
  location: number;
  scale: number;
}

export interface FeatureSpec {
  name: FeatureName;
  buckets: readonly number[];
  base: FeatureDist;
  /** Distribution in the new user segment (data-drift scenario). */
  segment: FeatureDist;
  /**
   * Where the value comes from, which decides which infra failure corrupts it:
   * 'cache' = online feature cache (imputed on a missed deadline), 'preprocessing' = session
   * enrichment (defaulted when the shedder skips it), 'request' = sent by the client.
   */
  source: 'cache' | 'preprocessing' | 'request';
  /** Value written when the feature is imputed/defaulted. */
  defaultValue: number;
  /** Natural wobble of the location (AR noise, in location units). */
  wobble: number;
}

export const FEATURES: readonly FeatureSpec[] = [
  {
    name: 'user_tenure_days',
    buckets: [1, 7, 30, 90, 180, 365, 730, 1460],
    base: { kind: 'lognormal', location: Math.log(220), scale: 1.1 },
    segment: { kind: 'lognormal', location: Math.log(4), scale: 0.9 },
    source: 'cache',
    defaultValue: 0,
    wobble: 0.03,
  },
  {
    name: 'user_ctr_7d',
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5],
    base: { kind: 'lognormal', location: Math.log(0.03), scale: 0.8 },
    segment: { kind: 'lognormal', location: Math.log(0.012), scale: 0.9 },
    source: 'cache',
    defaultValue: 0,
    wobble: 0.03,
  },
  {
    name: 'user_embedding_norm',
    buckets: [0.5, 1, 1.5, 2, 2.5, 3, 4],
    base: { kind: 'normal', location: 2.1, scale: 0.45 },
    segment: { kind: 'normal', location: 1.3, scale: 0.35 },
    source: 'cache',
    defaultValue: 0,
    wobble: 0.02,
  },
  {
    name: 'item_price',
    buckets: [1, 5, 10, 20, 50, 100, 200, 500, 1000],
    base: { kind: 'lognormal', location: Math.log(28), scale: 1.0 },
    segment: { kind: 'lognormal', location: Math.log(7), scale: 0.7 },
    source: 'request',
    defaultValue: 0,
    wobble: 0.03,
  },
  {
    name: 'session_length_seconds',
    buckets: [10, 30, 60, 120, 300, 600, 1200, 3600],
    base: { kind: 'lognormal', location: Math.log(190), scale: 1.0 },
    segment: { kind: 'lognormal', location: Math.log(90), scale: 1.0 },
    source: 'preprocessing',
    defaultValue: 0,
    wobble: 0.03,
  },
];
