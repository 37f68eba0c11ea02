/**
 * The result side of the engine contract: what `analyze()` returns. The N x N matrices are
 * Float64Arrays with NaN for missing (FlatMatrix), their reasons Uint8Arrays of codes (ReasonMatrix);
 * every other number is plain JSON, missing as null. JSON consumers get the matrices as arrays with null
 * and the reasons as arrays of strings and null through `resultToJson` (contract/matrices.ts), so the
 * JSON of a result is what it always was. Lags follow LAG_CONVENTION (src/stats/lags/convention.ts).
 */
import type { LAG_CONVENTION } from '../lags/convention';
import type { AdjustMethod, AutocorrelationCorrection, CorrelationMethod, LagNormalization, Linkage } from './request';
import type { CompareResult } from './compare';
import type { DriftResult } from './drift';
import type { FlatMatrix, ReasonCode, ReasonMatrix } from './cells';
import type { EngineWarning } from './warnings';

export type { FlatMatrix, ReasonCode, ReasonMatrix } from './cells';

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
  /** Pairwise-complete observations (never missing: 0 where a pair has none). */
  n: FlatMatrix;
  /** Effective sample size used for p and the interval. */
  nEff: FlatMatrix;
  ciLow: FlatMatrix;
  ciHigh: FlatMatrix;
  /** Why a cell has no number, 0 when it has one; read a cell with reasonAt (contract/cells.ts). */
  reason: ReasonMatrix;
  alpha: number;
  adjust: AdjustMethod;
  autocorrelation: AutocorrelationCorrection;
  /**
   * Which Gram kernel computed r for the series without gaps (informative only; the numbers agree to
   * 1e-12): WebAssembly with fused multiply-adds (relaxed-simd), WebAssembly SIMD, or JavaScript. Absent
   * for Kendall and when no series is complete.
   */
  kernel?: GramKernelKind;
  /**
   * Threads that computed that product: 2 when a second worker took part of it (analyzeSplit), else 1.
   * Present with `kernel`.
   */
  workers?: number;
}

/** The Gram kernels: WebAssembly with fused multiply-adds, WebAssembly SIMD, JavaScript. */
export type GramKernelKind = 'relaxed-simd' | 'simd' | 'js';

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
  n: FlatMatrix;
  /** Why a cell has no number, as for the plain matrix (ReasonMatrix). */
  reason: ReasonMatrix;
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
  /**
   * p-value of the best lag, honest for the maximum over the 2L+1 lags and for autocorrelation
   * (Bretherton nEff per lag, Šidák over `effectiveLags`; lags/bestLagSignificance.ts). Null without a best lag.
   */
  pBestLag?: number | null;
  /** pBestLag adjusted over the lag pairs analysed (`significance.adjust`, default Benjamini-Hochberg). */
  qBestLag?: number | null;
  /** Effective number of independent lags in the Šidák correction, in [1, 2L+1]. */
  effectiveLags?: number | null;
  /** The peak sits at ±maxLag: the true peak may lie outside the range (widen it before reading a lead). */
  atEdge?: boolean;
  reason: ReasonCode | null;
}

export interface LagsResult {
  maxLag: number;
  stepMs: number;
  convention: typeof LAG_CONVENTION;
  normalization: LagNormalization;
  prewhiten: 'none' | 'difference';
  algorithm: 'fft' | 'direct';
  /** Level the lead decision uses by default (`significance.alpha`). */
  alpha?: number;
  /** Adjustment behind qBestLag (`significance.adjust`). */
  adjust?: AdjustMethod;
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
  compare?: CompareResult;
  warnings: EngineWarning[];
  cancelled: boolean;
  /** Wall time per stage in ms (informative only). */
  timingsMs: Record<string, number>;
}
