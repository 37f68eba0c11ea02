/**
 * The request/result contract of the InfraDrift statistics engine (`analyze`).
 *
 * WHY one plain-JSON contract: the same entry point is called from a Web Worker (inputs arrive as
 * transferred Float64Arrays), from the Grafana data source and from the CLI (inputs arrive as JSON).
 * Every section except `series` is optional so that later engines (e.g. `drift`) can add a section
 * without breaking existing callers. See docs/engine.md for every field, unit and convention.
 *
 * Units: timestamps are milliseconds since the Unix epoch, `step` is milliseconds, lags are in grid
 * steps (multiply by `grid.stepMs` to get milliseconds).
 *
 * Lag sign convention (stated once, used everywhere): r(k) = corr(A[t], B[t+k]); a positive best lag
 * means A leads B by k steps.
 */

import type { DriftRequest, DriftResult } from './drift/analyzeDrift';

export type { DriftRequest, DriftResult, DriftSeriesRequest, DriftSeriesResult, DriftMethodResult } from './drift/analyzeDrift';

/** Version of the contract. Bump only for breaking changes; additive fields keep version 1. */
export const CONTRACT_VERSION = 1 as const;

/** Numeric array accepted on input: plain arrays (JSON) or Float64Array (worker transfer). */
export type NumericArray = number[] | Float64Array;

/** The lag sign convention, repeated verbatim in results so that consumers never have to guess. */
export const LAG_CONVENTION = 'r(k) = corr(A[t], B[t+k]); positive lag k means A leads B by k steps' as const;

export interface SeriesInput {
  /** Unique identifier used in pair names, thresholds and result arrays. */
  id: string;
  /** Human-readable label (defaults to `id`). */
  name?: string;
  /** Milliseconds since epoch, one per value. Omit when `values` are already on the grid (index i = grid.start + i*step). */
  timestamps?: NumericArray | Array<number | null>;
  /** Observations; null, NaN and +-Infinity are treated as missing. */
  values: NumericArray | Array<number | null>;
  /** Per-series transform chain, applied after alignment (overrides `transforms.default`). */
  transform?: TransformSpec | TransformSpec[];
}

export interface GridOptions {
  /** Grid start in ms since epoch (default: earliest timestamp floored to a multiple of the step). */
  start?: number;
  /** Grid end in ms since epoch, inclusive (default: latest timestamp). */
  end?: number;
  /** Step in ms (default: inferred, the largest per-series median spacing). */
  stepMs?: number;
}

export type BucketAggregation = 'mean' | 'last';
export type FillPolicy = 'none' | 'previous' | 'linear';

export interface AlignOptions {
  /** How several samples in one bucket [start + i*step, start + (i+1)*step) are combined. Default 'mean'. */
  aggregation?: BucketAggregation;
  /** How interior gaps are filled. Default 'none' (missing stays NaN). */
  fill?: FillPolicy;
  /** Longest run of missing buckets (in steps) that `fill` may fill; longer gaps stay missing. Default 1. */
  maxGap?: number;
  /** Minimum number of pairwise-complete observations for a pair to get a number. Default 3. */
  minOverlap?: number;
}

export type TransformSpec =
  | { type: 'none' }
  | { type: 'diff' }
  /** Per-second rate of a monotone counter; a decrease is treated as a counter reset to 0. */
  | { type: 'rate' }
  /** Trailing rolling mean over `window` steps; needs `minPeriods` finite values (default window). */
  | { type: 'rollingMean'; window: number; minPeriods?: number }
  | { type: 'zscore' }
  /** Natural log of (x + offset); non-positive arguments become missing. */
  | { type: 'log'; offset?: number };

export interface TransformOptions {
  /** Applied to every series that has no own `transform`. Default none. */
  default?: TransformSpec | TransformSpec[];
  /** Per-series chains keyed by series id (overrides `default` and the series' own `transform`). */
  bySeries?: Record<string, TransformSpec | TransformSpec[]>;
}

export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';

export interface CorrelationOptions {
  /** Default 'pearson'. */
  method?: CorrelationMethod;
  /** Set false to skip the matrix (e.g. only lags wanted). Default true. */
  enabled?: boolean;
}

export type AdjustMethod = 'fdr_bh' | 'bonferroni' | 'none';
export type AutocorrelationCorrection = 'bretherton' | 'none';

export interface SignificanceOptions {
  /** Significance level for confidence intervals and bands. Default 0.05 (95 % intervals). */
  alpha?: number;
  /** Multiple-testing adjustment over the upper triangle of the matrix. Default 'fdr_bh'. */
  adjust?: AdjustMethod;
  /** Effective-sample-size correction for autocorrelated series. Default 'bretherton'. */
  autocorrelation?: AutocorrelationCorrection;
}

export interface PartialOptions {
  /** Series ids to control for (e.g. request rate). Required; empty means the section is skipped. */
  controls: string[];
}

export type LagNormalization = 'biased' | 'adjusted';

export interface LagOptions {
  /** Largest lag in steps (lags -maxLag..+maxLag are computed). Required. */
  maxLag: number;
  /** Explicit pairs [A, B] by id. */
  pairs?: Array<[string, string]>;
  /** One target id: lags of every other series X against it, reported as pair [X, target]. */
  target?: string;
  /** All unordered pairs (i < j). Default when neither `pairs` nor `target` is given. */
  all?: boolean;
  /** 'biased' divides by n (numpy/statsmodels adjusted=False, |r| <= 1); 'adjusted' by n-|k| (statsmodels default). Default 'biased'. */
  normalization?: LagNormalization;
  /** Pre-whitening: 'difference' takes first differences of both series before correlating. Default 'none'. */
  prewhiten?: 'none' | 'difference';
  /** Kernel choice: 'auto' picks FFT when it is cheaper than the direct sum. */
  algorithm?: 'auto' | 'fft' | 'direct';
  /** Include the full r(k) curve per pair (default true; false keeps only best lag and band). */
  includeCurves?: boolean;
}

export type Linkage = 'average' | 'complete' | 'single';

export interface ClusteringOptions {
  /** Default 'average'. */
  linkage?: Linkage;
  /** 'abs': d = 1 - |r| (default, anti-correlated series cluster together); 'signed': d = 1 - r. */
  distance?: 'abs' | 'signed';
  /** Set false to skip. Default true when the section is present. */
  enabled?: boolean;
}

export interface Limits {
  /** Maximum number of series (default 2000). Extra series are dropped with a warning. */
  maxSeries?: number;
  /** Maximum grid length (default 200000). The grid is truncated to its latest points with a warning. */
  maxPoints?: number;
  /** Maximum |lag| in steps (default 5000). */
  maxLag?: number;
  /** Maximum number of lag pairs (default 20000). */
  maxLagPairs?: number;
  /** Maximum Kendall work, pairs * n * log2(n) (default 2e9). Above it Kendall falls back to Spearman with a warning. */
  maxKendallWork?: number;
}

export interface AnalyzeRequest {
  version: 1;
  series: SeriesInput[];
  grid?: GridOptions;
  align?: AlignOptions;
  transforms?: TransformOptions;
  correlation?: CorrelationOptions;
  significance?: SignificanceOptions;
  partial?: PartialOptions;
  lags?: LagOptions;
  clustering?: ClusteringOptions;
  limits?: Limits;
  /** Drift of histogram/sample/categorical series against a baseline (src/stats/drift, docs/engine.md "Drift"). */
  drift?: DriftRequest;
  /** Include the aligned, transformed values in the result (default false; can be large). */
  includeAligned?: boolean;
}

/** Options that are not part of the JSON request (functions cannot be serialised). */
export interface AnalyzeHooks {
  /** Called with a fraction in [0, 1] and a stage name. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Polled inside long loops; returning true stops the work and returns what is done with a CANCELLED warning. */
  isCancelled?: () => boolean;
}

export type WarningCode =
  | 'INVALID_REQUEST'
  | 'UNSUPPORTED_VERSION'
  | 'NO_SERIES'
  | 'DUPLICATE_SERIES_ID'
  | 'EMPTY_SERIES'
  | 'ALL_MISSING'
  | 'NON_FINITE_VALUES'
  | 'NON_FINITE_TIMESTAMPS'
  | 'LENGTH_MISMATCH'
  | 'UNSORTED_TIMESTAMPS'
  | 'DUPLICATE_TIMESTAMPS'
  | 'STEP_INFERRED'
  | 'STEP_UNKNOWN'
  | 'CONSTANT_SERIES'
  | 'TOO_FEW_POINTS'
  | 'LOG_NONPOSITIVE'
  | 'COUNTER_RESET'
  | 'UNKNOWN_SERIES'
  | 'UNKNOWN_OPTION'
  | 'LIMIT_EXCEEDED'
  | 'SINGULAR_CONTROLS'
  | 'EFFECTIVE_N_SMALL'
  | 'MISSING_IN_LAGS'
  | 'CANCELLED'
  | 'INTERNAL_ERROR';

export interface EngineWarning {
  code: WarningCode;
  message: string;
  /** Series id the warning is about, when it is about one series. */
  series?: string;
}

/** Why a cell has no number. */
export type ReasonCode =
  | 'constant'
  | 'too_few_points'
  | 'insufficient_overlap'
  | 'effective_n_too_small'
  | 'singular'
  | 'skipped';

/** Matrices are flat, row-major, N*N: cell (i, j) is at index i*N + j, following `ids`. */
export type FlatMatrix = Array<number | null>;

export interface SeriesSummary {
  id: string;
  name: string;
  /** Finite aligned (and transformed) points. */
  count: number;
  mean: number | null;
  std: number | null;
  /** Lag-1 autocorrelation used for the effective sample size. */
  lag1: number | null;
  status: 'ok' | 'constant' | 'too_few_points' | 'all_missing';
  transforms: string[];
  /** Aligned, transformed values on the grid (only with includeAligned). */
  values?: Array<number | null>;
}

export interface GridResult {
  start: number;
  stepMs: number;
  length: number;
  stepInferred: boolean;
  /** Grid timestamps in ms (only with includeAligned). */
  timestamps?: number[];
}

export interface CorrelationResult {
  method: CorrelationMethod;
  ids: string[];
  /** Correlation coefficient. Diagonal is 1 for usable series. */
  r: FlatMatrix;
  /** Two-sided p-value with the autocorrelation correction chosen in `significance`. */
  p: FlatMatrix;
  /** Two-sided p-value as SciPy computes it for independent samples (no correction). */
  pNaive: FlatMatrix;
  /** p adjusted for multiple testing (`significance.adjust`). */
  q: FlatMatrix;
  /** Pairwise-complete observations. */
  n: number[];
  /** Effective sample size used for p and the interval. */
  nEff: FlatMatrix;
  ciLow: FlatMatrix;
  ciHigh: FlatMatrix;
  /** Why a cell has no number, null when it has one. */
  reason: Array<ReasonCode | null>;
  alpha: number;
  adjust: AdjustMethod;
  autocorrelation: AutocorrelationCorrection;
}

export interface PartialResult {
  controls: string[];
  /** Ids of the rows/columns (all series that are not controls). */
  ids: string[];
  r: FlatMatrix;
  /**
   * Two-sided p-value, t-test with nEff - 2 - k degrees of freedom (k controls): nEff is the
   * effective sample size of the pair (the series' lag-1 autocorrelations, as for the plain matrix),
   * or n when `significance.autocorrelation` is 'none'.
   */
  p: FlatMatrix;
  /** The same test with n - 2 - k degrees of freedom, as for independent samples. */
  pNaive: FlatMatrix;
  /** p adjusted over the upper triangle (`significance.adjust`). */
  q: FlatMatrix;
  nEff: FlatMatrix;
  n: number[];
  reason: Array<ReasonCode | null>;
}

export interface LagPairResult {
  a: string;
  b: string;
  /** r(k) for k = -maxLag..maxLag (index k + maxLag); present unless includeCurves is false. */
  r?: Array<number | null>;
  /** Lag with the largest |r(k)|, in steps (ties: the smallest |k|, then the negative one). */
  bestLag: number | null;
  bestR: number | null;
  /** Observations at lag 0 (pairwise complete). */
  n: number;
  nEff: number | null;
  /** Approximate two-sided (1 - alpha) band for r(k) under no cross-correlation: +- z / sqrt(nEff). */
  band: number | null;
  reason: ReasonCode | null;
}

export interface LagsResult {
  maxLag: number;
  stepMs: number;
  convention: typeof LAG_CONVENTION;
  normalization: LagNormalization;
  prewhiten: 'none' | 'difference';
  algorithm: 'fft' | 'direct';
  pairs: LagPairResult[];
  /** When all pairs were computed: N*N best lag / r at best lag, following correlation ids (bestLag[j,i] = -bestLag[i,j]). */
  bestLagMatrix?: FlatMatrix;
  bestRMatrix?: FlatMatrix;
  ids?: string[];
}

/** One merge, like a row of scipy.cluster.hierarchy.linkage: clusters a and b (ids < N are leaves, N+i is merge i). */
export interface MergeStep {
  a: number;
  b: number;
  height: number;
  size: number;
}

export interface ClusteringResult {
  linkage: Linkage;
  distance: 'abs' | 'signed';
  ids: string[];
  /** Leaf order (indices into ids) for heatmap rows/columns, left to right in the dendrogram. */
  order: number[];
  merges: MergeStep[];
}

export interface AnalyzeResult {
  version: 1;
  engine: { name: 'infradrift-stats'; contract: 1 };
  grid: GridResult | null;
  series: SeriesSummary[];
  correlation?: CorrelationResult;
  partial?: PartialResult;
  lags?: LagsResult;
  clustering?: ClusteringResult;
  drift?: DriftResult;
  warnings: EngineWarning[];
  cancelled: boolean;
  /** Wall time per stage in ms (informative only). */
  timingsMs: Record<string, number>;
}
