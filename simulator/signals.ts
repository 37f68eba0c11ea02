/**
 * Named signals: the PromQL a Grafana data source would run, and the same computation on in-memory
 * series (series.ts). Ground truth refers to these ids, so tests can fetch exactly the series a
 * truth talks about, from a file loaded into Prometheus or from `simulate()` directly.
 */
import { FEATURES, FeatureName, SERVICE } from './model/config';
import { aggregateGauge, bucketRates, divide, histogramQuantile, SampleIndex, sumRate } from './series';

export interface SignalContext {
  index: SampleIndex;
  stepSeconds: number;
  length: number;
  /** Window of rate()/increase() in steps (PromQL uses [5m]). */
  windowSteps: number;
}

export interface SignalDef {
  id: string;
  category: 'infra' | 'model';
  description: string;
  promql: string;
  /** 'psi': the expression returns per-`le` bucket rates; the drift engine turns them into PSI vs a baseline. */
  transform?: 'psi';
  /** In-memory evaluation (absent for 'psi' signals: use `bucketRates`). */
  evaluate?: (ctx: SignalContext) => Float64Array;
}

const NS = `namespace="${SERVICE.namespace}"`;
const APP = `{${NS}}`;
const CONTAINER = `{${NS},container="${SERVICE.container}"}`;
const W = '[5m]';

const sr = (c: SignalContext, name: string, m: Record<string, string> = {}) =>
  sumRate(c.index, name, m, c.windowSteps, c.stepSeconds, c.length);
const ratio = (num: string, den: string, c: SignalContext) => divide(sr(c, num), sr(c, den));

function rateSignal(
  id: string,
  category: SignalDef['category'],
  sample: string,
  description: string,
  selector = APP
): SignalDef {
  return { id, category, description, promql: `sum(rate(${sample}${selector}${W}))`, evaluate: (c) => sr(c, sample) };
}

function ratioSignal(
  id: string,
  category: SignalDef['category'],
  num: string,
  den: string,
  description: string,
  selector = APP
): SignalDef {
  return {
    id,
    category,
    description,
    promql: `sum(rate(${num}${selector}${W})) / sum(rate(${den}${selector}${W}))`,
    evaluate: (c) => ratio(num, den, c),
  };
}

function gaugeSignal(
  id: string,
  category: SignalDef['category'],
  name: string,
  how: 'avg' | 'max',
  description: string
): SignalDef {
  return {
    id,
    category,
    description,
    promql: `${how}(${name}${APP})`,
    evaluate: (c) => aggregateGauge(c.index, name, {}, how, c.length),
  };
}

export function featureDriftId(feature: FeatureName): string {
  return `feature_drift:${feature}`;
}

export const SIGNALS: readonly SignalDef[] = [
  rateSignal('request_rate', 'infra', 'recsys_requests_total', 'Requests per second, all replicas.'),
  rateSignal(
    'cpu_usage',
    'infra',
    'container_cpu_usage_seconds_total',
    'CPU cores used by the ranker containers.',
    CONTAINER
  ),
  ratioSignal(
    'cpu_throttle_ratio',
    'infra',
    'container_cpu_cfs_throttled_periods_total',
    'container_cpu_cfs_periods_total',
    'Share of CFS periods throttled.',
    CONTAINER
  ),
  gaugeSignal(
    'memory_working_set',
    'infra',
    'container_memory_working_set_bytes',
    'max',
    'Largest working set among replicas (bytes).'
  ),
  {
    id: 'restarts',
    category: 'infra',
    description: 'Container restarts in the last 5 minutes.',
    promql: `sum(increase(kube_pod_container_status_restarts_total${CONTAINER}${W}))`,
    evaluate: (c) => sr(c, 'kube_pod_container_status_restarts_total').map((v) => v * c.windowSteps * c.stepSeconds),
  },
  ratioSignal(
    'cache_miss_ratio',
    'infra',
    'recsys_feature_cache_misses_total',
    'recsys_feature_cache_requests_total',
    'Feature cache miss ratio.'
  ),
  {
    id: 'latency_mean',
    category: 'infra',
    description: 'Mean inference latency (s).',
    promql: `sum(rate(recsys_inference_latency_seconds_sum${APP}${W})) / sum(rate(recsys_inference_latency_seconds_count${APP}${W}))`,
    evaluate: (c) => ratio('recsys_inference_latency_seconds_sum', 'recsys_inference_latency_seconds_count', c),
  },
  {
    id: 'latency_p99',
    category: 'infra',
    description: '99th percentile inference latency (s).',
    promql: `histogram_quantile(0.99, sum by (le) (rate(recsys_inference_latency_seconds_bucket${APP}${W})))`,
    evaluate: (c) => {
      const b = bucketRates(c.index, 'recsys_inference_latency_seconds', {}, c.windowSteps, c.stepSeconds, c.length);
      return histogramQuantile(0.99, b.le, b.rates, c.length);
    },
  },
  ratioSignal(
    'timeout_ratio',
    'infra',
    'recsys_request_timeouts_total',
    'recsys_requests_total',
    'Share of requests over the deadline.'
  ),
  ratioSignal(
    'preprocessing_skipped_ratio',
    'infra',
    'recsys_preprocessing_skipped_total',
    'recsys_requests_total',
    'Share of requests whose preprocessing was shed.'
  ),
  gaugeSignal('gpu_temp', 'infra', 'DCGM_FI_DEV_GPU_TEMP', 'avg', 'Mean GPU temperature (°C).'),
  gaugeSignal('gpu_util', 'infra', 'DCGM_FI_DEV_GPU_UTIL', 'avg', 'Mean GPU utilisation (%).'),
  gaugeSignal(
    'gpu_sm_clock',
    'infra',
    'DCGM_FI_DEV_SM_CLOCK',
    'avg',
    'Mean SM clock (MHz); drops when thermally throttled.'
  ),
  rateSignal(
    'network_receive',
    'infra',
    'container_network_receive_bytes_total',
    'Bytes received per second (unrelated noise).'
  ),
  rateSignal(
    'fs_writes',
    'infra',
    'container_fs_writes_bytes_total',
    'Bytes written per second (unrelated noise).',
    CONTAINER
  ),
  gaugeSignal('accuracy', 'model', 'recsys_model_accuracy', 'avg', 'Model accuracy from delayed labels.'),
  ratioSignal(
    'conversion_rate',
    'model',
    'recsys_conversions_total',
    'recsys_requests_total',
    'Conversions per request.'
  ),
  {
    id: 'click_share',
    category: 'model',
    description: 'Share of predictions in class "click".',
    promql: `sum(rate(recsys_predictions_total{${NS},class="click"}${W})) / sum(rate(recsys_predictions_total${APP}${W}))`,
    evaluate: (c) => divide(sr(c, 'recsys_predictions_total', { class: 'click' }), sr(c, 'recsys_predictions_total')),
  },
  {
    id: 'score_drift',
    category: 'model',
    description: 'PSI of the prediction score histogram vs a baseline.',
    promql: `sum by (le) (rate(recsys_prediction_score_bucket${APP}${W}))`,
    transform: 'psi',
  },
  ...FEATURES.map((f): SignalDef => ({
    id: featureDriftId(f.name),
    category: 'model',
    description: `PSI of feature ${f.name} vs a baseline.`,
    promql: `sum by (le) (rate(recsys_feature_value_bucket{${NS},feature="${f.name}"}${W}))`,
    transform: 'psi',
  })),
];

export function signal(id: string): SignalDef {
  const s = SIGNALS.find((x) => x.id === id);
  if (!s) {
    throw new Error(`unknown signal ${id}`);
  }
  return s;
}

export const INFRA_SIGNAL_IDS: readonly string[] = SIGNALS.filter((s) => s.category === 'infra').map((s) => s.id);
