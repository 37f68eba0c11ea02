/** Engine defaults, documented in docs/engine.md ("Defaults"). */
export const DEFAULTS = {
  aggregation: 'mean',
  fill: 'none',
  maxGap: 1,
  minOverlap: 3,
  method: 'pearson',
  alpha: 0.05,
  adjust: 'fdr_bh',
  autocorrelation: 'bretherton',
  lagNormalization: 'biased',
  linkage: 'average',
  distance: 'abs',
  limits: {
    maxSeries: 2000,
    maxPoints: 200000,
    maxLag: 5000,
    maxLagPairs: 20000,
    maxKendallWork: 2e9,
  },
} as const;
