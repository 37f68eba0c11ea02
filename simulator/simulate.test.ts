/** @jest-environment node */
import { createHash } from 'node:crypto';
import { toOpenMetricsString } from './export/openmetrics';
import { buildSchedule, groundTruth, SCENARIO_CHOICES, ScenarioChoice, SCENARIOS } from './scenarios';
import { evaluateSignal, simulate, SimulationResult } from './simulate';
import { signal, SIGNALS } from './signals';
import type { HistogramFamily, ScalarFamily } from './types';

const END = Date.UTC(2025, 5, 2, 12, 0, 0);

function digest(r: SimulationResult): string {
  return createHash('sha256').update(toOpenMetricsString(r)).digest('hex');
}

/** Steps at which a pod restarted (counters of that pod may drop there), by pod name. */
function restartSteps(r: SimulationResult): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const fam = r.families.find((f) => f.name === 'kube_pod_container_status_restarts') as ScalarFamily;
  for (const s of fam.series) {
    const set = new Set<number>();
    s.values.forEach((v, i) => {
      if (i > 0 && v > s.values[i - 1]) {
        set.add(i);
      }
    });
    out.set(s.labels.pod, set);
  }
  return out;
}

describe('simulate', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const opts = { scenario: 'all' as const, hours: 3, end: END };
    expect(digest(simulate(opts))).toBe(digest(simulate(opts)));
    expect(digest(simulate({ ...opts, seed: 2 }))).not.toBe(digest(simulate(opts)));
  });

  it('puts samples on the step grid ending at --end', () => {
    const r = simulate({ scenario: 'none', hours: 2, stepSeconds: 30, end: END + 10_000 });
    expect(r.timestamps.length).toBe(240);
    expect(r.timestamps[r.timestamps.length - 1]).toBe(END);
    expect(r.timestamps[1] - r.timestamps[0]).toBe(30_000);
  });

  it('is a function of wall-clock time, not of where the run starts', () => {
    // Same schedule-free baseline, two different starts: the latent state agrees on the overlap.
    const long = simulate({ scenario: 'none', hours: 6, end: END, keepSteps: true });
    const short = simulate({ scenario: 'none', hours: 2, end: END, keepSteps: true });
    const offset = long.timestamps.length - short.timestamps.length;
    let maxMissDiff = 0;
    let requestMismatches = 0;
    short.steps!.forEach((s, i) => {
      const l = long.steps![i + offset];
      expect(l.t).toBe(s.t);
      maxMissDiff = Math.max(maxMissDiff, Math.abs(l.pods[0].latent.missRatio - s.pods[0].latent.missRatio));
      requestMismatches += l.pods[1].inc.requests === s.pods[1].inc.requests ? 0 : 1;
    });
    expect(maxMissDiff).toBeLessThan(1e-4);
    expect(requestMismatches).toBe(0);
  });

  it.each(SCENARIO_CHOICES)(
    '%s: counters are monotone except at planted restarts; histograms are cumulative',
    (scenario) => {
      const r = simulate({ scenario, hours: 8, end: END });
      const restarts = restartSteps(r);
      // Collect violations instead of calling expect() per sample (millions of samples).
      const problems: string[] = [];
      let drops = 0;
      const checkMonotone = (values: Float64Array, pod: string, what: string) => {
        for (let i = 1; i < values.length; i++) {
          if (values[i] < values[i - 1]) {
            drops++;
            if (!restarts.get(pod)?.has(i)) {
              problems.push(`${what} drops at step ${i} without a restart`);
            }
          }
        }
      };
      for (const f of r.families) {
        if (f.type === 'counter') {
          f.series.forEach((s) => checkMonotone(s.values, s.labels.pod, f.name));
        } else if (f.type === 'histogram') {
          for (const h of (f as HistogramFamily).series) {
            expect(h.cumulative.length).toBe(h.bounds.length + 1);
            const inf = h.cumulative[h.cumulative.length - 1];
            for (let i = 0; i < h.count.length; i++) {
              for (let b = 1; b < h.cumulative.length; b++) {
                if (h.cumulative[b][i] < h.cumulative[b - 1][i]) {
                  problems.push(`${f.name} le-order broken at step ${i}`);
                }
              }
              if (inf[i] !== h.count[i]) {
                problems.push(`${f.name} +Inf != count at step ${i}`);
              }
            }
            h.cumulative.forEach((c) => checkMonotone(c, h.labels.pod, `${f.name}_bucket`));
            checkMonotone(h.count, h.labels.pod, `${f.name}_count`);
            checkMonotone(h.sum, h.labels.pod, `${f.name}_sum`);
          }
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
      if (scenario === 'memory-leak' || scenario === 'all') {
        expect(drops).toBeGreaterThan(0);
      } else {
        expect(drops).toBe(0);
      }
    }
  );

  it('memory leak: OOM restarts reset process counters but not the restart counter or pod network', () => {
    const r = simulate({ scenario: 'memory-leak', hours: 8, end: END });
    const restarts = restartSteps(r);
    const fastPod = r.pods[0].pod;
    expect(restarts.get(fastPod)!.size).toBeGreaterThanOrEqual(4);
    const requests = (r.families.find((f) => f.name === 'recsys_requests') as ScalarFamily).series.find(
      (s) => s.labels.pod === fastPod
    )!;
    const network = (r.families.find((f) => f.name === 'container_network_receive_bytes') as ScalarFamily).series.find(
      (s) => s.labels.pod === fastPod
    )!;
    for (const i of restarts.get(fastPod)!) {
      expect(requests.values[i]).toBeLessThan(requests.values[i - 1]);
      expect(network.values[i]).toBeGreaterThan(network.values[i - 1]);
    }
    const ws = evaluateSignal(r, 'memory_working_set');
    expect(Math.max(...ws)).toBeGreaterThan(3.5 * 2 ** 30);
  });

  it('uses the metric names users know', () => {
    const r = simulate({ scenario: 'none', hours: 1, end: END });
    const names = r.families.map((f) => (f.type === 'counter' ? `${f.name}_total` : f.name));
    expect(names).toEqual(
      expect.arrayContaining([
        'container_cpu_usage_seconds_total',
        'container_cpu_cfs_throttled_periods_total',
        'container_cpu_cfs_periods_total',
        'container_memory_working_set_bytes',
        'container_network_receive_bytes_total',
        'container_fs_writes_bytes_total',
        'kube_pod_container_status_restarts_total',
        'DCGM_FI_DEV_GPU_TEMP',
        'DCGM_FI_DEV_GPU_UTIL',
        'recsys_requests_total',
        'recsys_feature_cache_requests_total',
        'recsys_feature_cache_misses_total',
        'recsys_inference_latency_seconds',
        'recsys_prediction_score',
        'recsys_feature_value',
        'recsys_predictions_total',
        'recsys_model_accuracy',
      ])
    );
    for (const f of r.families) {
      if (f.unit) {
        expect(f.name.endsWith(`_${f.unit}`)).toBe(true);
      }
    }
    // Every non-PSI signal evaluates to finite numbers after the first rate window.
    for (const s of SIGNALS.filter((x) => x.evaluate)) {
      const v = evaluateSignal(r, s.id);
      expect(Number.isFinite(v[v.length - 1])).toBe(true);
    }
  });
});

describe('ground truth as data', () => {
  const start = END - 48 * 3_600_000;
  const truthOf = (name: ScenarioChoice, step = 60) => groundTruth(name, buildSchedule(name, start, END, step));

  it.each(SCENARIOS.map((s) => s.name))('%s: truths name known signals, incidents lie in the range', (name) => {
    const truth = truthOf(name);
    expect(truth.name).toBe(name);
    expect(truth.truths.length).toBeGreaterThan(0);
    for (const t of truth.truths) {
      if (t.causeId !== '*infra*') {
        expect(t.cause).toBe(signal(t.causeId).promql);
      }
      expect(t.effect).toBe(signal(t.effectId).promql);
      expect(t.lagSeconds).toBe(t.lagSteps * 60);
      expect(['lead', 'confounder', 'none']).toContain(t.kind);
    }
    for (const inc of truth.incidents) {
      expect(inc.start).toBeGreaterThanOrEqual(start);
      expect(inc.end).toBeLessThanOrEqual(END);
    }
  });

  it('reports lags in steps of the chosen step', () => {
    const lag = (step: number) =>
      truthOf('cache-eviction-storm', step).truths.find((t) => t.effectId === 'feature_drift:user_ctr_7d')!.lagSteps;
    expect(lag(60)).toBe(3);
    expect(lag(15)).toBe(12);
  });

  it('"all" plays every scenario in order on one timeline', () => {
    const truth = truthOf('all');
    const order = truth.incidents.map((i) => i.scenario).filter((s, i, a) => a.indexOf(s) === i);
    expect(order).toEqual(SCENARIOS.map((s) => s.name));
    const starts = truth.incidents.map((i) => i.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(truth.truths.map((t) => t.scenario))).toEqual(new Set(SCENARIOS.map((s) => s.name)));
  });
});
