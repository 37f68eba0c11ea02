import { DataSourceJsonData } from '@grafana/data';
import { DataQuery, DataSourceRef } from '@grafana/schema';
import type { AdjustMethod, BaselineSpec, CorrelationMethod, DriftMethod, Linkage } from '../stats';

/** What a signal's expression returns, which decides how InfraDrift reads it. */
export type SignalKind = 'gauge' | 'counter' | 'histogram';

export type SignalTransform = 'none' | 'diff' | 'zscore' | 'log' | 'rollingMean';

/** Baseline of a histogram signal's drift, as picked in the editor. */
export type BaselineChoice = 'preceding' | '1d' | '7d' | 'fixed' | 'static';

/**
 * One input of the analysis: an expression run on one of the user's data sources. An expression may
 * return many series (one per pod, per feature); each becomes a signal named by its labels or legend.
 */
export interface SignalQuery {
  /** Stable key inside the query ('A', 'B', ...). */
  key: string;
  /** The source data source by `{type, uid}`; unset: the InfraDrift data source's default source. */
  datasource?: DataSourceRef;
  /** PromQL for gauges and counters; for histograms the metric name with optional matchers, e.g. `recsys_feature_value{feature="age"}`. */
  expr: string;
  /** Legend format as in Grafana's Prometheus editor, e.g. `{{pod}}`; names the signal. */
  legendFormat?: string;
  role: 'infra' | 'model';
  kind: SignalKind;
  transform: SignalTransform;
  /** Window (steps) of the rolling mean transform. */
  rollingWindow?: number;
  /** Histogram signals: extra labels to keep apart (besides `le`), e.g. `feature`. */
  by?: string[];
  /** Histogram signals: drift method and baseline. */
  driftMethod?: DriftMethod;
  baseline?: BaselineChoice;
  /** Fixed baseline range in ms (baseline 'fixed'). */
  baselineFrom?: number;
  baselineTo?: number;
  /** Static reference distribution as JSON (baseline 'static'), e.g. from training data. */
  baselineJson?: string;
  /** Drift window in steps (default 10). */
  windowSteps?: number;
  /** Set to leave a signal in the query without running it. */
  hide?: boolean;
}

export type AnalysisOutput = 'matrix' | 'lags' | 'drift' | 'aligned';

/** Baseline of the verdict: the 4x-longer window just before the range, or the same window 1 d / 7 d earlier. */
export type VerdictBaseline = 'preceding' | '1d' | '7d';

/**
 * The one-line verdict of a matrix query (docs/frames.md, "Verdict"): the query's time range is the
 * incident, compared with a baseline fetched before it. Absent (queries saved before it existed) = off.
 */
export interface VerdictSetting {
  enabled: boolean;
  baseline: VerdictBaseline;
}

export interface AnalysisSpec {
  output: AnalysisOutput;
  method: CorrelationMethod;
  /** Largest lag in steps for lags (and the best-lag columns of the matrix). 0 = no lags. */
  maxLag: number;
  /** Lags: every pair, one target against all, or chosen pairs. */
  lagMode: 'all' | 'target' | 'pairs';
  /** Signal name (as shown in results) of the target. */
  target?: string;
  /** Pairs of signal names. */
  pairs?: Array<[string, string]>;
  /** Signal names to control for (partial correlation), e.g. request rate. */
  confounders: string[];
  alpha: number;
  adjust: AdjustMethod;
  /** Correct p-values for autocorrelation (effective sample size). */
  autocorrelation: boolean;
  clustering: Linkage | 'none';
  /** Also return the aligned inputs as time series (for drill-down and checking). */
  includeAligned: boolean;
  /** Most series to analyse (defaults to the data source setting). */
  maxSeries?: number;
  /** Seconds a signal's query may take on its data source before it fails with a timeout (default 60). */
  queryTimeoutSeconds?: number;
  /** Matrix output: also judge the range against a baseline (a verdict per model signal). Default off. */
  verdict?: VerdictSetting;
}

export interface InfraDriftQuery extends DataQuery {
  /** Version of this shape (query/migrate.ts); absent on queries saved before versioning. */
  schemaVersion?: number;
  signals: SignalQuery[];
  analysis: AnalysisSpec;
}

/** Settings of an InfraDrift data source instance. */
export interface InfraDriftOptions extends DataSourceJsonData {
  /** The data source a signal runs on when it names none (usually the user's Prometheus). */
  defaultSource?: DataSourceRef;
  /** Smallest step in seconds (default 60): finer steps mostly add noise and cost. */
  minStepSeconds?: number;
  /** Largest number of grid points per signal (default 2000); the step grows to stay under it. */
  maxPoints?: number;
  /** Most series in one analysis (default 300); the rest are left out with a notice naming them. */
  maxSeries?: number;
  /** Seconds a signal's query may take on its data source before it fails with a timeout (default 60). */
  queryTimeoutSeconds?: number;
}

export const DEFAULT_MIN_STEP_SECONDS = 60;
export const DEFAULT_MAX_POINTS = 2000;
export const DEFAULT_MAX_SERIES = 300;
export const DEFAULT_DRIFT_WINDOW_STEPS = 10;
export const DEFAULT_QUERY_TIMEOUT_SECONDS = 60;

export type { BaselineSpec, DriftMethod };
