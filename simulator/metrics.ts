/**
 * The metric catalogue: names, labels and types as the real exporters publish them (cAdvisor via
 * the kubelet, kube-state-metrics, NVIDIA DCGM exporter, the app's own client library), and how
 * each is fed from a `ServiceStep`. The catalogue is data so that both the OpenMetrics file writer
 * and a later prom-client registry can be driven from it.
 */
import { BUCKETS, FEATURES, SERVICE } from './model/config';
import type { PodIdentity } from './model/pods';
import type { HistogramIncrement, PodIncrements, PodStep, ServiceStep } from './model/service';
import type {
  FamilyMeta,
  HistogramFamily,
  HistogramSeries,
  Labels,
  MetricFamily,
  ScalarFamily,
  ScalarSeries,
} from './types';

type Job = 'kubelet' | 'kube-state-metrics' | 'dcgm-exporter' | 'recsys-ranker';

function podLabels(job: Job, id: PodIdentity): Labels {
  const base = { job, namespace: SERVICE.namespace, pod: id.pod };
  switch (job) {
    case 'kubelet':
    case 'kube-state-metrics':
      return { ...base, container: SERVICE.container };
    case 'dcgm-exporter':
      return {
        ...base,
        container: SERVICE.container,
        gpu: id.gpu,
        UUID: id.uuid,
        device: `nvidia${id.gpu}`,
        modelName: SERVICE.gpuModel,
        Hostname: SERVICE.node,
      };
    case 'recsys-ranker':
      return { ...base, container: SERVICE.container, model: SERVICE.model };
  }
}

export interface CounterSpec extends FamilyMeta {
  type: 'counter';
  job: Job;
  /** Process/container counters restart from 0 with the container; pod-level ones (network) do not. */
  resetsOnRestart: boolean;
  extraLabels?: Labels;
  increment: (inc: PodIncrements) => number;
}

export interface GaugeSpec extends FamilyMeta {
  type: 'gauge';
  job: Job;
  value: (p: PodStep) => number;
}

export interface HistogramSpec extends FamilyMeta {
  type: 'histogram';
  job: Job;
  bounds: readonly number[];
  extraLabels?: Labels;
  observe: (p: PodStep) => HistogramIncrement;
}

export type PodMetricSpec = CounterSpec | GaugeSpec | HistogramSpec;

const counter = (spec: Omit<CounterSpec, 'type'>): CounterSpec => ({ type: 'counter', ...spec });

/** Per-pod metrics. Families with label variants (class, feature) appear once per variant and are merged by name. */
export const POD_METRICS: readonly PodMetricSpec[] = [
  // cAdvisor (scraped through the kubelet)
  counter({
    name: 'container_cpu_usage_seconds',
    unit: 'seconds',
    help: 'Cumulative cpu time consumed in seconds.',
    job: 'kubelet',
    resetsOnRestart: true,
    increment: (i) => i.cpuSeconds,
  }),
  counter({
    name: 'container_cpu_cfs_periods',
    help: 'Number of elapsed enforcement period intervals.',
    job: 'kubelet',
    resetsOnRestart: true,
    increment: (i) => i.cfsPeriods,
  }),
  counter({
    name: 'container_cpu_cfs_throttled_periods',
    help: 'Number of throttled period intervals.',
    job: 'kubelet',
    resetsOnRestart: true,
    increment: (i) => i.cfsThrottledPeriods,
  }),
  {
    type: 'gauge',
    name: 'container_memory_working_set_bytes',
    unit: 'bytes',
    help: 'Current working set in bytes.',
    job: 'kubelet',
    value: (p) => p.gauges.workingSetBytes,
  },
  counter({
    name: 'container_network_receive_bytes',
    unit: 'bytes',
    help: 'Cumulative count of bytes received.',
    job: 'kubelet',
    resetsOnRestart: false,
    extraLabels: { interface: 'eth0' },
    increment: (i) => i.networkReceiveBytes,
  }),
  counter({
    name: 'container_fs_writes_bytes',
    unit: 'bytes',
    help: 'Cumulative count of bytes written.',
    job: 'kubelet',
    resetsOnRestart: true,
    extraLabels: { device: '/dev/nvme0n1' },
    increment: (i) => i.fsWriteBytes,
  }),
  // kube-state-metrics: the restart count survives restarts by definition
  counter({
    name: 'kube_pod_container_status_restarts',
    help: 'The number of container restarts per container.',
    job: 'kube-state-metrics',
    resetsOnRestart: false,
    increment: (i) => i.restarts,
  }),
  // DCGM exporter
  {
    type: 'gauge',
    name: 'DCGM_FI_DEV_GPU_TEMP',
    help: 'GPU temperature (in C).',
    job: 'dcgm-exporter',
    value: (p) => p.gauges.gpuTempC,
  },
  {
    type: 'gauge',
    name: 'DCGM_FI_DEV_GPU_UTIL',
    help: 'GPU utilization (in %).',
    job: 'dcgm-exporter',
    value: (p) => p.gauges.gpuUtilPct,
  },
  {
    type: 'gauge',
    name: 'DCGM_FI_DEV_SM_CLOCK',
    help: 'SM clock frequency (in MHz).',
    job: 'dcgm-exporter',
    value: (p) => p.gauges.smClockMHz,
  },
  // The ranker's own metrics (process counters: reset on restart)
  counter({
    name: 'recsys_requests',
    help: 'Ranking requests served.',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    increment: (i) => i.requests,
  }),
  counter({
    name: 'recsys_request_timeouts',
    help: 'Ranking requests that exceeded the deadline.',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    increment: (i) => i.timeouts,
  }),
  counter({
    name: 'recsys_preprocessing_skipped',
    help: 'Requests whose session enrichment was skipped by the load shedder.',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    increment: (i) => i.preprocessingSkipped,
  }),
  counter({
    name: 'recsys_feature_cache_requests',
    help: 'Feature cache lookups.',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    increment: (i) => i.cacheRequests,
  }),
  counter({
    name: 'recsys_feature_cache_misses',
    help: 'Feature cache lookups that missed.',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    increment: (i) => i.cacheMisses,
  }),
  {
    type: 'histogram',
    name: 'recsys_inference_latency_seconds',
    unit: 'seconds',
    help: 'Model inference latency.',
    job: 'recsys-ranker',
    bounds: BUCKETS.latencySeconds,
    observe: (p) => p.latency,
  },
  {
    type: 'histogram',
    name: 'recsys_prediction_score',
    help: 'Predicted click probability of the top recommendation.',
    job: 'recsys-ranker',
    bounds: BUCKETS.predictionScore,
    observe: (p) => p.score,
  },
  ...FEATURES.map((f): HistogramSpec => ({
    type: 'histogram',
    name: 'recsys_feature_value',
    help: 'Value of model input features as seen at inference.',
    job: 'recsys-ranker',
    bounds: f.buckets,
    extraLabels: { feature: f.name },
    observe: (p) => p.features[f.name],
  })),
  counter({
    name: 'recsys_predictions',
    help: 'Predictions by predicted class.',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    extraLabels: { class: 'click' },
    increment: (i) => i.predictionsClick,
  }),
  counter({
    name: 'recsys_predictions',
    help: 'Predictions by predicted class.',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    extraLabels: { class: 'no_click' },
    increment: (i) => i.predictionsNoClick,
  }),
  counter({
    name: 'recsys_conversions',
    help: 'Recommendations that converted (click-through).',
    job: 'recsys-ranker',
    resetsOnRestart: true,
    increment: (i) => i.conversions,
  }),
];

/** Model-level gauge from the label-join job (not per pod). */
export const ACCURACY_METRIC = {
  name: 'recsys_model_accuracy',
  help: 'Accuracy of recent predictions, computed when their delayed labels arrive.',
  labels: { job: 'recsys-evaluator', namespace: SERVICE.namespace, model: SERVICE.model } as Labels,
};

interface Slot {
  spec: PodMetricSpec;
  pod: number;
  series: ScalarSeries | HistogramSeries;
  running: number[];
}

/**
 * Accumulates `ServiceStep`s into exported series: counters become cumulative (reset to 0 on a
 * container restart where the real counter would), histogram buckets cumulative in `le` and in time.
 * Counters start at 0 at the first recorded step (process start of the simulated run).
 */
export class SeriesRecorder {
  private readonly slots: Slot[] = [];
  private readonly accuracy: ScalarSeries;
  private readonly families: MetricFamily[] = [];

  constructor(
    pods: readonly PodIdentity[],
    private readonly length: number
  ) {
    const byName = new Map<string, MetricFamily>();
    for (const spec of POD_METRICS) {
      let family = byName.get(spec.name);
      if (!family) {
        const meta = { name: spec.name, help: spec.help, unit: spec.unit };
        family =
          spec.type === 'histogram'
            ? ({ ...meta, type: 'histogram', series: [] } as HistogramFamily)
            : ({ ...meta, type: spec.type, series: [] } as ScalarFamily);
        byName.set(spec.name, family);
        this.families.push(family);
      }
      pods.forEach((id, pod) => {
        const labels = { ...podLabels(spec.job, id), ...(spec.type === 'gauge' ? {} : spec.extraLabels) };
        if (spec.type === 'histogram') {
          const h: HistogramSeries = {
            labels,
            bounds: spec.bounds,
            cumulative: Array.from({ length: spec.bounds.length + 1 }, () => new Float64Array(length)),
            sum: new Float64Array(length),
            count: new Float64Array(length),
          };
          (family as HistogramFamily).series.push(h);
          this.slots.push({ spec, pod, series: h, running: new Array(spec.bounds.length + 3).fill(0) });
        } else {
          const s: ScalarSeries = { labels, values: new Float64Array(length) };
          (family as ScalarFamily).series.push(s);
          this.slots.push({ spec, pod, series: s, running: [0] });
        }
      });
    }
    this.accuracy = { labels: ACCURACY_METRIC.labels, values: new Float64Array(length) };
    this.families.push({
      name: ACCURACY_METRIC.name,
      help: ACCURACY_METRIC.help,
      type: 'gauge',
      series: [this.accuracy],
    });
  }

  record(i: number, step: ServiceStep): void {
    if (i < 0 || i >= this.length) {
      throw new RangeError(`step ${i} outside 0..${this.length - 1}`);
    }
    for (const slot of this.slots) {
      const p = step.pods[slot.pod];
      const spec = slot.spec;
      // App and container counters restart with the process; the restart itself counts in this step.
      const reset = p.restarted && (spec.type === 'histogram' || (spec.type === 'counter' && spec.resetsOnRestart));
      if (reset) {
        slot.running.fill(0);
      }
      if (spec.type === 'gauge') {
        (slot.series as ScalarSeries).values[i] = spec.value(p);
      } else if (spec.type === 'counter') {
        slot.running[0] += spec.increment(p.inc);
        (slot.series as ScalarSeries).values[i] = slot.running[0];
      } else {
        const obs = spec.observe(p);
        const h = slot.series as HistogramSeries;
        let cum = 0;
        for (let b = 0; b < obs.buckets.length; b++) {
          slot.running[b] += obs.buckets[b];
          cum += slot.running[b];
          h.cumulative[b][i] = cum;
        }
        slot.running[obs.buckets.length] += obs.sum;
        h.sum[i] = slot.running[obs.buckets.length];
        h.count[i] = cum;
      }
    }
    this.accuracy.values[i] = step.accuracy;
  }

  result(): MetricFamily[] {
    return this.families;
  }
}
