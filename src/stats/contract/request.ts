/**
 * The request side of the engine contract: what `analyze(request, hooks)` accepts.
 *
 * WHY one plain-JSON request: the same entry point is called from a Web Worker (inputs arrive as
 * transferred Float64Arrays), from the Grafana data source and from the CLI (inputs arrive as JSON).
 * Every section except `series` is optional so that later engines (e.g. `drift`) can add a section
 * without breaking existing callers. See docs/engine.md for every field, unit and convention.
 *
 * Units: timestamps are milliseconds since the Unix epoch, `step` is milliseconds, lags are in grid
 * steps (multiply by `grid.stepMs` to get milliseconds). The lag sign: src/stats/lags/convention.ts.
 */
import type { CompareRequest } from './compare';
import type { DriftRequest } from './drift';

/** Version of the contract. Bump only for breaking changes; additive fields keep version 1. */
export const CONTRACT_VERSION = 1 as const;

/** Numeric array accepted on input: plain arrays (JSON) or Float64Array (worker transfer). */
export type NumericArray = number[] | Float64Array;

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
  /** An incident window against a baseline: what changed, the correlation change and a verdict per target (contract/compare.ts). */
  compare?: CompareRequest;
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
