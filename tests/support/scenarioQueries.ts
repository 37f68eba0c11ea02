/** InfraDrift signals over the simulator's metrics, shared by integration and browser tests. */
import type { SignalQuery } from '../../src/datasource/types';
import { SIGNALS } from '../../simulator/signals';

/**
 * The simulator's infra signals as PromQL. Rate windows are set to 2 steps, the same smoothing as the
 * histogram drift query (2-step increase): a lag is only measured right between equally smoothed
 * series (`rate(x[5m])` alone trails the events by about 2.5 minutes).
 */
export const INFRA: SignalQuery[] = SIGNALS.filter((s) => s.category === 'infra').map((s, i) => ({
  key: `I${i}`,
  expr: s.promql.replace(/\[5m\]/g, '[2m]'),
  legendFormat: s.id,
  role: 'infra',
  kind: 'gauge',
  transform: 'none',
}));

/**
 * Drift of one feature's histogram. Scenario tests compare against a fixed, healthy baseline before the
 * incident (what an SRE picks when exploring an incident); a short window keeps the drift series'
 * timing sharp so the lag can be read to the step.
 */
export function driftSignal(feature: string, baseline?: { from: number; to: number }): SignalQuery {
  return {
    key: `M_${feature}`,
    expr: `recsys_feature_value{namespace="recsys",feature="${feature}"}`,
    by: ['feature'],
    role: 'model',
    kind: 'histogram',
    transform: 'none',
    driftMethod: 'psi',
    baseline: baseline ? 'fixed' : 'preceding',
    baselineFrom: baseline?.from,
    baselineTo: baseline?.to,
    windowSteps: 1,
  };
}
