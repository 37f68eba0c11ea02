/**
 * Drift engine: divergences between a current and a baseline distribution, from raw samples or from
 * Prometheus histogram buckets, single-shot or rolling over the analysis grid. See docs/engine.md, "Drift".
 */
export { psiFromCounts, psiFromSamples, quantileEdges, quantileSorted, binSortedSamples } from './psi';
export type { PsiOptions, SamplePsiOptions } from './psi';
export { klDivergence } from './kl';
export type { KlOptions } from './kl';
export { jensenShannon } from './jensenShannon';
export type { JensenShannon } from './jensenShannon';
export { hellinger } from './hellinger';
export { totalVariation } from './totalVariation';
export { ksFromSamples, ksFromSortedSamples, ksFromCounts, ksPValue, ksStatisticSorted, kolmogorovSf } from './ks';
export type { KsResult } from './ks';
export {
  wassersteinFromSamples,
  wassersteinFromSortedSamples,
  wassersteinFromBuckets,
  wasserstein1Sorted,
  bucketKnots,
  WASSERSTEIN_STD_FLOOR,
} from './wasserstein';
export type { WassersteinResult, BucketGeometryOptions } from './wasserstein';
export { chiSquared } from './chiSquared';
export type { ChiSquaredResult } from './chiSquared';
export { parseLe, prepareCounters, windowCounts, decumulate } from './histogram';
export type { BucketCounters, CounterMode, PreparedCounters } from './histogram';
export { baselineRange, resolveStatic, DAY_MS, DEFAULT_PRECEDING_FACTOR } from './baseline';
export type { BaselineSpec, StaticDistribution } from './baseline';
export { rollingDrift, SortedWindow } from './rolling';
export type { DriftGrid, DriftInput, RollingOptions, RollingDrift } from './rolling';
export { DEFAULT_THRESHOLDS, DRIFT_METHODS, driftLevel } from './thresholds';
export type { DriftLevel, DriftMethod, DriftThreshold } from './thresholds';
