import type { AnalyzeHooks, AnalyzeRequest, EngineWarning, SeriesSummary } from '../contract';

/** What every stage of analyze() shares: the prepared series and the warning list. */
export interface StageContext {
  request: AnalyzeRequest;
  hooks?: AnalyzeHooks;
  warnings: EngineWarning[];
  ids: string[];
  /**
   * Aligned and transformed values, one grid-length Float64Array per series (NaN = missing). Read only:
   * a series given on the grid without missing values is the caller's own array (alignSeries.ts).
   */
  values: Float64Array[];
  summaries: SeriesSummary[];
  /** Lag-1 autocorrelation per series (NaN when undefined). */
  lag1: Float64Array;
  stepMs: number;
  minOverlap: number;
  alpha: number;
}
