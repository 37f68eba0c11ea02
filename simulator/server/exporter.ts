/**
 * The simulated service as a prom-client registry, driven step by step.
 *
 * The metric catalogue and its accumulation (cumulative counters, restarts, cumulative histogram
 * buckets) are the simulator's own `SeriesRecorder`, kept one step long: after each step it holds
 * the current value of every series with exactly the names and labels the OpenMetrics backfill
 * writes. This file only publishes those values the prom-client way: counters `inc` by the
 * difference (and restart from zero when the process counter did), gauges `set`, histograms as a
 * collector of the cumulative buckets (prom-client's Histogram only takes single observations).
 */
import { Counter, Gauge, Metric, Registry } from 'prom-client';
import { SeriesRecorder } from '../metrics';
import type { PodIdentity } from '../model/pods';
import type { ServiceStep } from '../model/service';
import { formatLe } from '../series';
import type { HistogramFamily, Labels, MetricFamily, ScalarFamily } from '../types';
import { INCIDENT_METRIC, incidentValues } from './incidents';
import type { DemoTimeline } from './timeline';

const labelKey = (labels: Labels) => JSON.stringify(labels);
const labelNamesOf = (f: MetricFamily) => [...new Set(f.series.flatMap((s) => Object.keys(s.labels)))];

/** prom-client's own text output for a histogram, from cumulative buckets we already hold. */
function histogramCollector(f: HistogramFamily): Metric {
  return {
    name: f.name,
    help: f.help,
    reset: () => undefined,
    get: async () => ({
      name: f.name,
      help: f.help,
      type: 'histogram',
      aggregator: 'sum',
      values: f.series.flatMap((h) => [
        ...h.cumulative.map((c, b) => ({
          metricName: `${f.name}_bucket`,
          labels: { ...h.labels, le: formatLe(h.bounds[b] ?? Infinity) },
          value: c[0],
        })),
        { metricName: `${f.name}_count`, labels: h.labels, value: h.count[0] },
        { metricName: `${f.name}_sum`, labels: h.labels, value: h.sum[0] },
      ]),
    }),
  } as unknown as Metric;
}

export class LiveExporter {
  readonly registry = new Registry();
  private readonly recorder: SeriesRecorder;
  private readonly families: MetricFamily[];
  private readonly counters = new Map<string, Counter>();
  private readonly gauges = new Map<string, Gauge>();
  /** Last published value of every counter series, to turn cumulative values into increments. */
  private readonly published = new Map<string, number>();
  private readonly incident: Gauge;
  /** Time (ms) of the last step applied, or NaN before the first. */
  lastStepTime = Number.NaN;

  constructor(
    pods: readonly PodIdentity[],
    private readonly timeline: DemoTimeline
  ) {
    this.recorder = new SeriesRecorder(pods, 1);
    this.families = this.recorder.result();
    for (const f of this.families) {
      const config = {
        name: f.type === 'counter' ? `${f.name}_total` : f.name,
        help: f.help,
        registers: [this.registry],
      };
      if (f.type === 'counter') {
        this.counters.set(f.name, new Counter({ ...config, labelNames: labelNamesOf(f) }));
      } else if (f.type === 'gauge') {
        this.gauges.set(f.name, new Gauge({ ...config, labelNames: labelNamesOf(f) }));
      } else {
        this.registry.registerMetric(histogramCollector(f as HistogramFamily));
      }
    }
    this.incident = new Gauge({
      name: INCIDENT_METRIC.name,
      help: INCIDENT_METRIC.help,
      labelNames: ['job', 'scenario'],
      registers: [this.registry],
    });
  }

  /** Apply one model step: the registry then shows the state at `step.t`. */
  apply(step: ServiceStep): void {
    this.recorder.record(0, step);
    for (const f of this.families) {
      if (f.type === 'counter') {
        this.publishCounter(f);
      } else if (f.type === 'gauge') {
        const g = this.gauges.get(f.name)!;
        for (const s of f.series) {
          g.set(s.labels, s.values[0]);
        }
      }
    }
    for (const [labels, value] of incidentValues(this.timeline, step.t)) {
      this.incident.set(labels, value);
    }
    this.lastStepTime = step.t;
  }

  private publishCounter(f: ScalarFamily): void {
    const c = this.counters.get(f.name)!;
    for (const s of f.series) {
      const key = f.name + labelKey(s.labels);
      const previous = this.published.get(key);
      const now = s.values[0];
      if (previous === undefined || now < previous) {
        // First value, or the process restarted and its counter began again from zero.
        c.remove(s.labels);
        c.inc(s.labels, now);
      } else if (now > previous) {
        c.inc(s.labels, now - previous);
      }
      this.published.set(key, now);
    }
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
