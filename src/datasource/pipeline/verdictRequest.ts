/**
 * The engine request behind a matrix query's verdict: the signals on the long grid (baseline and
 * range), only the compare section (docs/engine.md, "Compare"). The matrix, lags, clusters and partial
 * correlations of the range come from the query's own request; computing them here over the baseline
 * too would only cost time.
 */
import { driftSeriesId, type AnalyzeRequest } from '../../stats';
import type { VerdictPlan } from '../query/verdictPlan';
import type { BuiltRequest } from './buildRequest';

/** Engine ids of every row the request analyses: plain series and the drift series appended to them. */
function analysedIds(request: AnalyzeRequest): Set<string> {
  const drift = (request.drift?.series ?? []).map((d) => driftSeriesId(d.id, d.methods?.[0] ?? 'psi'));
  return new Set([...request.series.map((s) => s.id), ...drift]);
}

/**
 * Targets are the model-role signals, controls the query's confounders, infrastructure the infra-role
 * signals that are not controls. Signals the series cap left out are not named.
 */
export function verdictRequest(built: BuiltRequest, plan: VerdictPlan): AnalyzeRequest {
  const { correlation, significance, limits, drift, series, grid, version } = built.request;
  const present = analysedIds(built.request);
  const ids = (role: 'model' | 'infra') =>
    built.signals.filter((s) => s.role === role && present.has(s.name)).map((s) => s.name);
  const controls = built.controls.filter((c) => present.has(c));
  return {
    version,
    series,
    grid,
    correlation: { method: correlation?.method, enabled: false },
    significance,
    limits,
    ...(drift ? { drift } : {}),
    compare: {
      incident: plan.incident,
      baseline: plan.baseline,
      targets: ids('model').filter((t) => !controls.includes(t)),
      controls,
      infrastructure: ids('infra').filter((i) => !controls.includes(i)),
      alpha: significance?.alpha,
      includeMatrices: false,
    },
  };
}
