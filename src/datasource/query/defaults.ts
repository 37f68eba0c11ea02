import type { AnalysisSpec, InfraDriftQuery, SignalQuery } from '../types';

/** Analysis settings of a new query: a clustered Pearson matrix with honest significance and lags. */
export const DEFAULT_ANALYSIS: AnalysisSpec = {
  output: 'matrix',
  method: 'pearson',
  maxLag: 10,
  lagMode: 'all',
  confounders: [],
  alpha: 0.05,
  adjust: 'fdr_bh',
  autocorrelation: true,
  clustering: 'average',
  includeAligned: false,
};

/**
 * Signals of a new query, so it shows something useful on a typical Kubernetes + Prometheus setup:
 * CPU throttling, memory and restarts from cAdvisor / kube-state-metrics. The user adds the model signals.
 */
export const DEFAULT_SIGNALS: SignalQuery[] = [
  {
    key: 'A',
    expr: 'sum by (pod) (rate(container_cpu_cfs_throttled_periods_total[5m])) / sum by (pod) (rate(container_cpu_cfs_periods_total[5m]))',
    legendFormat: 'cpu throttling {{pod}}',
    role: 'infra',
    kind: 'gauge',
    transform: 'none',
  },
  {
    key: 'B',
    expr: 'sum by (pod) (container_memory_working_set_bytes{container!=""})',
    legendFormat: 'memory {{pod}}',
    role: 'infra',
    kind: 'gauge',
    transform: 'none',
  },
];

export function newSignal(existing: SignalQuery[]): SignalQuery {
  const used = new Set(existing.map((s) => s.key));
  let key = 'A';
  for (let i = 0; used.has(key); i++) {
    key = i < 26 ? String.fromCharCode(66 + i) : `S${i}`;
  }
  return { key, expr: '', role: 'infra', kind: 'gauge', transform: 'none' };
}

/** Fills what an older or hand-written query lacks, so the rest of the code can rely on every field. */
export function withDefaults(query: Partial<InfraDriftQuery> & { refId: string }): InfraDriftQuery {
  return {
    ...query,
    refId: query.refId,
    signals: Array.isArray(query.signals) ? query.signals : DEFAULT_SIGNALS,
    analysis: { ...DEFAULT_ANALYSIS, ...(query.analysis ?? {}) },
  };
}
