/**
 * Effective number of independent pairs for the correlation of two autocorrelated series,
 * Bretherton et al. (1999, J. Climate 12:1990-2009, eq. 31, after Bartlett 1935):
 *
 *   nEff = n (1 - r1a r1b) / (1 + r1a r1b)
 *
 * with r1a, r1b the lag-1 autocorrelations (exact for two AR(1) processes). WHY: monitoring series are
 * strongly autocorrelated; with the naive n, independent AR(1) series with phi = 0.9 look "significant"
 * far more often than alpha. The result is clamped to [2, n]: a negative product would inflate n,
 * which we refuse to do (conservative), and undefined r1 (too few points) leaves n unchanged.
 */
export function effectiveSampleSize(n: number, r1a: number, r1b: number): number {
  if (!Number.isFinite(r1a) || !Number.isFinite(r1b)) {
    return n;
  }
  const rho = Math.max(0, r1a * r1b);
  if (rho >= 1) {
    return Math.min(n, 2);
  }
  return Math.max(Math.min(n, 2), Math.min(n, (n * (1 - rho)) / (1 + rho)));
}
