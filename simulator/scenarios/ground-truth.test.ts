/** @jest-environment node */
/**
 * The planted effects are visible in the exported series with plain statistics (the real engine
 * has its own end-to-end tests): lead/lag and sign in scenarios 1 and 2, no infra link in 3,
 * a confounded pair in 4, restart-driven dips in 5.
 */
import { bucketRates } from '../series';
import { INFRA_SIGNAL_IDS } from '../signals';
import { evaluateSignal, signalContext, simulate, SimulationResult } from '../simulate';
import { difference, laggedCorrelation, partialCorrelation, peakLag, psiSeries } from '../testing/xcorr';
import type { GroundTruth } from '../types';

const END = Date.UTC(2025, 5, 2, 12, 0, 0);
const HOURS = 24;

function featurePsi(r: SimulationResult, feature: string): Float64Array {
  const ctx = signalContext(r);
  const b = bucketRates(ctx.index, 'recsys_feature_value', { feature }, ctx.windowSteps, r.stepSeconds, ctx.length);
  // Baseline: steps 10..130 (after the first rate window, well before any incident).
  return psiSeries(b.rates, 10, 130);
}

function truthFor(r: SimulationResult, causeId: string, effectId: string): GroundTruth {
  const t = r.truth.truths.find((x) => x.causeId === causeId && x.effectId === effectId);
  if (!t) {
    throw new Error(`no truth ${causeId} -> ${effectId}`);
  }
  return t;
}

/** Signals that are not constant (restarts or shed ratio are flat zero outside their scenario). */
function infraSignals(r: SimulationResult): Array<[string, Float64Array]> {
  const ctx = signalContext(r);
  return INFRA_SIGNAL_IDS.map((id) => [id, evaluateSignal(r, id, ctx)] as [string, Float64Array]).filter(([, v]) => {
    const f = Array.from(v).filter(Number.isFinite);
    return Math.max(...f) > Math.min(...f);
  });
}

describe('scenario 1: cache eviction storm', () => {
  const r = simulate({ scenario: 'cache-eviction-storm', hours: HOURS, end: END });
  const psi = featurePsi(r, 'user_ctr_7d');
  const miss = evaluateSignal(r, 'cache_miss_ratio');

  it('the miss ratio leads feature drift by the planted lag, with the planted sign', () => {
    const truth = truthFor(r, 'cache_miss_ratio', 'feature_drift:user_ctr_7d');
    expect(Math.max(...Array.from(psi).filter(Number.isFinite))).toBeGreaterThan(0.5);
    const levels = peakLag(miss, psi, 10);
    const changes = peakLag(difference(miss), difference(psi), 10);
    expect(Math.abs(levels.lag - truth.lagSteps)).toBeLessThanOrEqual(1);
    expect(Math.abs(changes.lag - truth.lagSteps)).toBeLessThanOrEqual(1);
    expect(Math.sign(levels.r)).toBe(truth.sign);
    expect(levels.r).toBeGreaterThan(0.8);
    expect(changes.r).toBeGreaterThan(0.5);
  });

  it('the miss ratio is the top infra correlate of the drift', () => {
    // Traffic triggers the storm, so its load-driven signals correlate too, but less, and not in
    // their step-to-step changes, which only the miss ratio shares with the drift.
    const ranked = (transform: (v: Float64Array) => Float64Array) =>
      infraSignals(r)
        .map(([id, v]) => ({ id, r: Math.abs(peakLag(transform(v), transform(psi), 10).r) }))
        .sort((a, b) => b.r - a.r);
    const levels = ranked((v) => v);
    const changes = ranked(difference);
    expect(levels[0].id).toBe('cache_miss_ratio');
    expect(levels[0].r - levels[1].r).toBeGreaterThan(0.1);
    expect(changes[0].id).toBe('cache_miss_ratio');
    expect(changes[0].r - changes[1].r).toBeGreaterThan(0.5);
  });

  it('conversion falls with the miss ratio at the same lag', () => {
    const truth = truthFor(r, 'cache_miss_ratio', 'conversion_rate');
    const conv = evaluateSignal(r, 'conversion_rate');
    expect(laggedCorrelation(miss, conv, truth.lagSteps)).toBeLessThan(-0.5);
  });
});

describe('scenario 2: GPU thermal throttling', () => {
  const r = simulate({ scenario: 'gpu-thermal-throttling', hours: HOURS, end: END });
  const temp = evaluateSignal(r, 'gpu_temp');
  const clock = evaluateSignal(r, 'gpu_sm_clock');
  const timeouts = evaluateSignal(r, 'timeout_ratio');
  const skipped = evaluateSignal(r, 'preprocessing_skipped_ratio');
  const acc = evaluateSignal(r, 'accuracy');

  it('temperature, then clock slowdown, then timeouts, then skipped preprocessing', () => {
    expect(Math.max(...temp)).toBeGreaterThan(90);
    expect(Math.min(...clock)).toBeLessThan(1200);
    expect(laggedCorrelation(temp, clock, truthFor(r, 'gpu_temp', 'gpu_sm_clock').lagSteps)).toBeLessThan(-0.7);
    expect(laggedCorrelation(clock, timeouts, 0)).toBeLessThan(-0.5);
    const shed = truthFor(r, 'timeout_ratio', 'preprocessing_skipped_ratio');
    expect(laggedCorrelation(timeouts, skipped, shed.lagSteps)).toBeGreaterThan(0.7);
    // Order: the first step over threshold comes in the causal order.
    const first = (v: Float64Array, pred: (x: number) => boolean) => Array.from(v).findIndex(pred);
    const hot = first(temp, (x) => x > 84);
    const slow = first(clock, (x) => x < 1650);
    const late = first(timeouts, (x) => x > 0.01);
    const shedding = first(skipped, (x) => x > 0.01);
    expect(hot).toBeGreaterThan(0);
    expect(slow).toBeGreaterThan(hot);
    expect(late).toBeGreaterThanOrEqual(slow);
    expect(shedding).toBeGreaterThan(late);
  });

  it('accuracy drops after the label delay', () => {
    const lag = truthFor(r, 'gpu_temp', 'accuracy').lagSteps;
    const inc = r.truth.incidents[0];
    const peak = Math.round((inc.start + (inc.end - inc.start) * 0.7 - r.timestamps[0]) / 60_000);
    expect(acc[peak + lag]).toBeLessThan(acc[100] - 0.05);
  });
});

describe('scenario 3: genuine data drift', () => {
  const r = simulate({ scenario: 'data-drift', hours: HOURS, end: END });

  it.each(['user_tenure_days', 'item_price'])('%s drifts, and no infra signal follows it', (feature) => {
    const psi = featurePsi(r, feature);
    expect(Math.max(...Array.from(psi).filter(Number.isFinite))).toBeGreaterThan(0.2);
    const report = infraSignals(r).map(([id, v]) => ({
      id,
      levels: Math.abs(peakLag(v, psi, 10).r),
      changes: Math.abs(peakLag(difference(v), difference(psi), 10).r),
    }));
    const worst = report.reduce((a, b) => (b.levels > a.levels ? b : a));
    expect(worst.levels).toBeLessThan(0.35);
    expect(Math.max(...report.map((x) => x.changes))).toBeLessThan(0.15);
  });

  it('accuracy falls with the segment', () => {
    const acc = evaluateSignal(r, 'accuracy');
    const inc = r.truth.incidents[0];
    const mid = Math.round(((inc.start + inc.end) / 2 - r.timestamps[0]) / 60_000);
    expect(acc[mid]).toBeLessThan(acc[100] - 0.04);
  });
});

describe('scenario 4: traffic confounder', () => {
  const r = simulate({ scenario: 'traffic-confounder', hours: HOURS, end: END });

  it('CPU and latency correlate only through the request rate', () => {
    const cpu = evaluateSignal(r, 'cpu_usage');
    const lat = evaluateSignal(r, 'latency_mean');
    const rps = evaluateSignal(r, 'request_rate');
    expect(laggedCorrelation(cpu, lat, 0)).toBeGreaterThan(0.9);
    expect(Math.abs(partialCorrelation(cpu, lat, rps))).toBeLessThan(0.15);
    expect(laggedCorrelation(rps, evaluateSignal(r, 'cache_miss_ratio'), 0)).toBeGreaterThan(0.5);
    expect(Math.max(...Array.from(featurePsi(r, 'user_ctr_7d')).filter(Number.isFinite))).toBeLessThan(0.05);
  });
});

describe('scenario 5: memory leak', () => {
  const r = simulate({ scenario: 'memory-leak', hours: HOURS, end: END, keepSteps: true });

  it('each OOM restart is followed, after the label delay, by a short accuracy dip', () => {
    const acc = evaluateSignal(r, 'accuracy');
    const lag = truthFor(r, 'restarts', 'accuracy').lagSteps;
    const restartSteps = r.steps!.map((s, i) => (s.pods.some((p) => p.restarted) ? i : -1)).filter((i) => i >= 0);
    expect(restartSteps.length).toBeGreaterThanOrEqual(6);
    const sorted = Array.from(acc).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    for (const i of restartSteps.filter((x) => x + lag + 5 < acc.length)) {
      expect(Math.min(...acc.slice(i + lag - 2, i + lag + 5))).toBeLessThan(median - 0.01);
    }
    expect(laggedCorrelation(evaluateSignal(r, 'restarts'), evaluateSignal(r, 'cache_miss_ratio'), 0)).toBeGreaterThan(
      0.5
    );
  });
});
