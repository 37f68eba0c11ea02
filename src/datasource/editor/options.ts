import type { SelectableValue } from '@grafana/data';
import type {
  AnalysisSpec,
  BaselineChoice,
  DriftMethod,
  SignalKind,
  SignalQuery,
  SignalTransform,
  VerdictBaseline,
} from '../types';

/** The choices of the query editor, in one place (labels say what a choice means, not just its id). */
export const ROLE_OPTIONS: Array<SelectableValue<SignalQuery['role']>> = [
  { value: 'infra', label: 'Infra' },
  { value: 'model', label: 'Model' },
];

export const KIND_OPTIONS: Array<SelectableValue<SignalKind>> = [
  { value: 'gauge', label: 'Gauge', description: 'Use the values as they are (also for rate() expressions)' },
  {
    value: 'counter',
    label: 'Counter',
    description: 'Raw counter: InfraDrift takes the per-second rate, handling resets',
  },
  {
    value: 'histogram',
    label: 'Histogram',
    description: 'Name a Prometheus histogram: InfraDrift computes its drift over time',
  },
];

export const TRANSFORM_OPTIONS: Array<SelectableValue<SignalTransform>> = [
  { value: 'none', label: 'None' },
  { value: 'diff', label: 'First difference' },
  { value: 'zscore', label: 'Z-score' },
  { value: 'log', label: 'Log' },
  { value: 'rollingMean', label: 'Rolling mean' },
];

export const DRIFT_METHOD_OPTIONS: Array<SelectableValue<DriftMethod>> = [
  { value: 'psi', label: 'PSI', description: 'Population stability index (0.1 moderate, 0.25 significant)' },
  { value: 'jsDistance', label: 'Jensen-Shannon distance' },
  { value: 'ks', label: 'KS statistic' },
  { value: 'wassersteinNormalized', label: 'Wasserstein (normalised)' },
  { value: 'hellinger', label: 'Hellinger' },
  { value: 'kl', label: 'KL divergence' },
  { value: 'totalVariation', label: 'Total variation' },
];

export const BASELINE_OPTIONS: Array<SelectableValue<BaselineChoice>> = [
  { value: 'preceding', label: 'Preceding 4 windows' },
  { value: '1d', label: 'Same time yesterday' },
  { value: '7d', label: 'Same time last week' },
  { value: 'static', label: 'Static (JSON)' },
];

export const OUTPUT_OPTIONS: Array<SelectableValue<AnalysisSpec['output']>> = [
  { value: 'matrix', label: 'Matrix' },
  { value: 'lags', label: 'Lags' },
  { value: 'drift', label: 'Drift' },
  { value: 'aligned', label: 'Aligned series' },
];

export const METHOD_OPTIONS: Array<SelectableValue<AnalysisSpec['method']>> = [
  { value: 'pearson', label: 'Pearson' },
  { value: 'spearman', label: 'Spearman' },
  { value: 'kendall', label: 'Kendall' },
];

export const LAG_MODE_OPTIONS: Array<SelectableValue<AnalysisSpec['lagMode']>> = [
  { value: 'all', label: 'All pairs' },
  { value: 'target', label: 'One target vs all' },
];

export const ADJUST_OPTIONS: Array<SelectableValue<AnalysisSpec['adjust']>> = [
  { value: 'fdr_bh', label: 'FDR (Benjamini-Hochberg)' },
  { value: 'bonferroni', label: 'Bonferroni' },
  { value: 'none', label: 'None' },
];

export const CLUSTERING_OPTIONS: Array<SelectableValue<AnalysisSpec['clustering']>> = [
  { value: 'average', label: 'Average linkage' },
  { value: 'complete', label: 'Complete linkage' },
  { value: 'single', label: 'Single linkage' },
  { value: 'none', label: 'Off' },
];

export const VERDICT_BASELINE_OPTIONS: Array<SelectableValue<VerdictBaseline>> = [
  { value: 'preceding', label: '4× before', description: 'The 4× longer window just before the range' },
  { value: '1d', label: '1 day earlier', description: 'The same window one day earlier (daily seasonality)' },
  { value: '7d', label: '7 days earlier', description: 'The same window one week earlier (weekly seasonality)' },
];
