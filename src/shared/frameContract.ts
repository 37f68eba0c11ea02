/**
 * The data frames InfraDrift's data source returns and its panels read (documented in docs/frames.md).
 * Both sides import these names, so the contract lives in one place. No Grafana imports here:
 * the statistics worker never needs it, but tests and panels can use it anywhere.
 */

import type { BaselineSpec, CompareBaseline, DriftMethod, GramKernelKind, TransformSpec, VerdictKind } from '../stats';

export const FRAME_CONTRACT_VERSION = 1;

/** `meta.custom.kind` of each frame type. */
export const FrameKind = {
  Matrix: 'infradrift-matrix',
  Lag: 'infradrift-lag',
  Drift: 'infradrift-drift',
  Aligned: 'infradrift-aligned',
  Verdict: 'infradrift-verdict',
} as const;
export type FrameKindValue = (typeof FrameKind)[keyof typeof FrameKind];

/** Field names of the matrix frame: one row per ordered pair (row, column), the full N x N. */
export const MatrixField = {
  Row: 'row',
  Column: 'column',
  R: 'r',
  P: 'p',
  Q: 'q',
  N: 'n',
  NEff: 'n_eff',
  CiLow: 'ci_low',
  CiHigh: 'ci_high',
  /** Best lag in seconds; positive: the row signal leads the column signal. */
  BestLag: 'best_lag',
  RAtBestLag: 'r_at_best_lag',
  /** p-value of the best lag, honest for the maximum over lags and for autocorrelation (engine `pBestLag`). */
  PBestLag: 'p_best_lag',
  /** That p adjusted over the lag pairs (engine `qBestLag`): the lead decision reads it. */
  QBestLag: 'q_best_lag',
  /** Effective number of independent lags behind p_best_lag. */
  EffectiveLags: 'effective_lags',
  /** Boolean: the peak sits at ±max lag (widen the range before reading a lead). */
  AtEdge: 'at_edge',
  /** Why a cell has no number (constant, too_few_points, ...), empty when it has one. */
  Reason: 'reason',
} as const;

/** Field names of the verdict frame: one row per target (model signal). */
export const VerdictField = {
  /** Engine id of the target. */
  Target: 'target',
  /** Its display name. */
  TargetName: 'target_name',
  /** infrastructure / data drift / confounded / inconclusive / no change. */
  Kind: 'kind',
  /** The plain sentence ("moves with", "leads"; never "causes"). */
  Sentence: 'sentence',
  /** Display names of the signals the verdict names (string[]). */
  Named: 'named',
  /** The numbers behind it, one short line each (string[]). */
  Evidence: 'evidence',
} as const;

/** Field names of a lag frame: one row per lag. */
export const LagField = {
  /** Lag in seconds; positive: A leads B. */
  Lag: 'lag',
  R: 'r',
  BandLow: 'band_low',
  BandHigh: 'band_high',
} as const;

/**
 * How one engine series was made, so a matrix cell, a lag curve or a drift score can be turned back
 * into the queries that produced it (e.g. to write an alert rule). Read it with src/shared/frames/provenance.ts.
 */
export interface SignalProvenance {
  /** The data source the signal ran on; null when it could not be resolved. */
  datasource: { uid: string; type: string } | null;
  /** The expression as the user wrote it, template variables replaced. */
  expr: string;
  /** Exactly what was sent to the data source (histograms: the generated bucket query); null when nothing was sent. */
  sentExpr: string | null;
  kind: 'gauge' | 'counter' | 'histogram';
  /** Engine transforms in the order applied after fetching (a counter's `rate` first). */
  transforms: TransformSpec[];
  /** Histogram signals: the labels kept apart besides `le`. */
  histogramBy?: string[];
  /** Drift series: the method, window and baseline their scores were computed with. */
  drift?: { method: DriftMethod; windowMs: number; baseline: BaselineSpec };
  /** Grid step of the query (ms). */
  stepMs: number;
}

/** One signal as it entered the analysis. */
export interface SignalInfo {
  /** Unique display name (from the legend format or the series labels). */
  name: string;
  /** Which question side the signal is on. */
  role: 'infra' | 'model';
  /** The signal definition's refId-like key in the query, so a panel can link back. */
  signal: string;
  /** Labels of the source series. */
  labels: Record<string, string>;
  /** Expression that produced it and the data source it ran on, for "open in Explore". */
  expr?: string;
  datasourceUid?: string;
  /** Set by the InfraDrift data source (absent when a panel computed from plain time series). */
  provenance?: SignalProvenance;
}

/** `meta.custom` of the matrix frame. */
export interface MatrixMeta {
  kind: typeof FrameKind.Matrix;
  version: number;
  method: 'pearson' | 'spearman' | 'kendall';
  /** Signals in input order; `row`/`column` values are their names. */
  signals: SignalInfo[];
  /** Cluster leaf order as indices into `signals` (input order when clustering is off). */
  order: number[];
  /** scipy-like merges: a, b (< N leaves, N+i merge i), height (distance), size. Empty without clustering. */
  dendrogram: Array<{ a: number; b: number; height: number; size: number }>;
  alpha: number;
  adjust: 'fdr_bh' | 'bonferroni' | 'none';
  /** Partial correlation: names of the signals controlled for (empty when plain). */
  controls: string[];
  stepMs: number;
  /** The lag sign convention, verbatim. */
  lagConvention: string;
  /** Lag range searched, ±maxLag steps; absent without lags. */
  maxLag?: number;
  /** Level the lead decision reads q_best_lag at (the engine's lags.alpha); absent without lags. */
  lagAlpha?: number;
  /** The engine's Gram kernel for r (CorrelationResult.kernel), informative only; absent when none ran. */
  kernel?: GramKernelKind;
  /** Workers that computed that product (CorrelationResult.workers): 2 with the helper worker, else 1. */
  workers?: number;
}

/** `meta.custom` of a lag frame (one per pair). */
export interface LagMeta {
  kind: typeof FrameKind.Lag;
  version: number;
  a: string;
  b: string;
  bestLagSeconds: number | null;
  bestR: number | null;
  /** Half-width of the (1 - alpha) band under no cross-correlation. */
  band: number | null;
  n: number;
  nEff: number | null;
  stepMs: number;
  lagConvention: string;
  /*
   * What the lead decision (the engine's leadStatement) reads. Optional: frames written before they
   * existed lack them, and a pair without them reads as "no clear lead", never as a lead.
   */
  /** p-value of the best lag, honest for the maximum over lags and for autocorrelation. */
  pBestLag?: number | null;
  /** pBestLag adjusted over the lag pairs analysed. */
  qBestLag?: number | null;
  /** Effective number of independent lags behind pBestLag. */
  effectiveLags?: number | null;
  /** The peak sits at ±maxLag. */
  atEdge?: boolean;
  /** Level the lead decision reads qBestLag at. */
  alpha?: number;
  /** Lag range searched, ±maxLag steps. */
  maxLag?: number;
  /** How A and B were made (when known). */
  provenance?: { a?: SignalProvenance; b?: SignalProvenance };
}

/** `meta.custom` of an aligned input series frame. */
export interface AlignedMeta {
  kind: typeof FrameKind.Aligned;
  version: number;
  role: SignalInfo['role'];
  /** Transforms the engine reports it applied. */
  transforms: string[];
  provenance?: SignalProvenance;
}

/** `meta.custom` of a drift frame (a time series of drift scores). */
export interface DriftMeta {
  kind: typeof FrameKind.Drift;
  version: number;
  signal: string;
  method: string;
  baseline: string;
  latest: number | null;
  level: 'none' | 'moderate' | 'significant' | null;
  thresholds: { moderate: number; significant: number } | null;
  provenance?: SignalProvenance;
}

/** `meta.custom` of the verdict frame (a matrix query with the verdict on). */
export interface VerdictMeta {
  kind: typeof FrameKind.Verdict;
  version: number;
  /** The incident window (the query's range), (from, to] in ms. */
  incident: { from: number; to: number };
  /** The baseline it was compared with (a preceding factor below 4 when the range left no room). */
  baseline: Extract<CompareBaseline, { kind: 'preceding' | 'shifted' }>;
  alpha: number;
  /** Correlation is not causation: said once, for the panel to print once. */
  caution: string;
  /** The InfraDrift data source that answered (for a link to the incident page). */
  datasourceUid?: string;
}

export type { VerdictKind };
