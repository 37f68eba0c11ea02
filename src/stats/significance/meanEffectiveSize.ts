/**
 * Effective number of independent points for the MEAN (and the spread) of one autocorrelated window:
 *
 *   ne = n (1 − ρ) / (1 + ρ),  ρ = max(0, lag-1 autocorrelation)
 *
 * the variance-inflation factor of the mean of an AR(1) process (Bartlett 1935; Wilks, "Statistical
 * Methods in the Atmospheric Sciences", 4th ed., eq. 5.12). WHY: a monitoring series sampled every
 * minute carries far fewer independent values than points; two-sample tests with the raw n call every
 * slow wobble a change. Clamped to [min(n, 2), n]: a negative ρ would inflate n, which we refuse to do.
 * This is the one-series counterpart of effectiveSampleSize (Bretherton), which is for a correlation.
 */
export function meanEffectiveSize(n: number, r1: number): number {
  if (!(n > 0)) {
    return 0;
  }
  if (!Number.isFinite(r1)) {
    return n;
  }
  const rho = Math.max(0, r1);
  if (rho >= 1) {
    return Math.min(n, 2);
  }
  return Math.max(Math.min(n, 2), Math.min(n, (n * (1 - rho)) / (1 + rho)));
}
