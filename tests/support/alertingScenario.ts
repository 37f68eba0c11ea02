/**
 * The alert the demo and the alerting tests share: "the feature cache's miss ratio moves with the
 * drift of a cache-backed feature", as a request to src/alerting. The miss ratio leads the drift by
 * the simulator's planted lag (imputed features follow the misses), so the rule reads the miss ratio
 * that much earlier.
 *
 * Stricter than the module's default (|r| >= 0.7): r >= 0.8, only while both sides are material
 * (drift KS >= 0.15 and a miss ratio >= 10 % in the window), held for 5 minutes. Smooth signals reach
 * r = 0.7-0.8 for a minute or three by chance (few effective samples in a window); a cache-driven
 * drift holds r > 0.8 for 25 minutes and more (tests/integration/alerting.scenarios.test.ts scans
 * whole incidents).
 *
 * Why the miss-ratio gate: when a genuine drift steps up while the miss ratio follows its ordinary
 * daily rise, a 30-minute window can reach r >= 0.8 and hold it past `for` (the step and the trend
 * line up: e.g. for demo starts at 21:14-21:17 UTC, `npx tsx scripts/demo/alertSweep.ts`). Detrending
 * or first differences do not separate that from a storm (a storm's drift is a 5-minute KS, smoother
 * than the miss ratio it follows); what does is that the miss ratio never leaves its normal range
 * (below 5 % at any hour) in genuine drift, and goes past 39 % in every storm. "Cache misses move
 * with drift" is only worth a page while the cache misses.
 */
import type { AlertRequest, AlertSignal, CorrelationRule, DriftBaseline, DriftRule } from '../../src/alerting';
import { LAGS } from '../../simulator/model/config';
import { INFRA } from './scenarioQueries';

export const DEMO_DATASOURCE_UID = 'infradrift-demo-prometheus';
/** A cache-backed feature that also drifts in the data-drift scenario (so that case is not vacuous). */
export const FEATURE = 'user_tenure_days';

export const CACHE_MISS: AlertSignal = {
  kind: 'gauge',
  name: 'cache_miss_ratio',
  expr: INFRA.find((s) => s.legendFormat === 'cache_miss_ratio')!.expr,
};

export function featureDrift(
  windowSeconds: number,
  baseline: DriftBaseline = { kind: 'preceding', factor: 4 }
): AlertSignal {
  return {
    kind: 'histogram',
    name: `feature drift (${FEATURE})`,
    expr: 'recsys_feature_value{namespace="recsys"}',
    select: { feature: FEATURE },
    drift: { score: 'ks', windowSeconds, baseline },
  };
}

export interface DemoOptions {
  stepSeconds: number;
  windowSeconds: number;
  driftWindowSeconds: number;
  forSeconds: number;
  /** The drift's baseline; the demo dashboard compares with the same window a day earlier. */
  baseline: DriftBaseline;
  /** KS level the drift must reach in the window before the correlation counts. */
  driftGate: number;
  /** Miss ratio the cache must reach in the window before the correlation counts (normal: 2-5 %). */
  missGate: number;
  /** r the pair must reach. */
  threshold: number;
  dashboardUrl?: string;
}

export const DEMO_OPTIONS: DemoOptions = {
  stepSeconds: 15,
  windowSeconds: 1800,
  driftWindowSeconds: 300,
  forSeconds: 300,
  baseline: { kind: 'shifted', shiftSeconds: 86_400 },
  driftGate: 0.15,
  missGate: 0.1,
  threshold: 0.8,
};

export function cacheDriftRule(o: DemoOptions = DEMO_OPTIONS): CorrelationRule {
  return {
    type: 'correlation',
    name: `Cache misses move with ${FEATURE} drift`,
    a: CACHE_MISS,
    b: featureDrift(o.driftWindowSeconds, o.baseline),
    windowSeconds: o.windowSeconds,
    stepSeconds: o.stepSeconds,
    lagSeconds: LAGS.cacheToPartialSeconds,
    threshold: { kind: 'above', value: o.threshold },
    gate: [
      { side: 'a', atLeast: o.missGate },
      { side: 'b', atLeast: o.driftGate },
    ],
    forSeconds: o.forSeconds,
    labels: { team: 'ml-platform' },
    annotations: { runbook: 'Check the feature cache (size, eviction rate) before retraining.' },
    ...(o.dashboardUrl ? { dashboard: { url: o.dashboardUrl, uid: 'infradrift-ml-service' } } : {}),
  };
}

export function featureDriftRule(o: DemoOptions = DEMO_OPTIONS): DriftRule {
  return {
    type: 'drift',
    name: `${FEATURE} drift (KS)`,
    signal: featureDrift(o.driftWindowSeconds, o.baseline),
    stepSeconds: o.stepSeconds,
    threshold: 0.2,
    forSeconds: o.forSeconds,
  };
}

export function demoRequest(o: DemoOptions = DEMO_OPTIONS): AlertRequest {
  return { datasource: { uid: DEMO_DATASOURCE_UID }, rules: [cacheDriftRule(o), featureDriftRule(o)] };
}
