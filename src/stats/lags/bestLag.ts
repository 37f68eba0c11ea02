/**
 * Lag with the largest |r(k)| from a curve indexed k + maxLag. Ties go to the smallest |k|, then to
 * the negative lag, so that a flat curve reports lag 0 rather than an arbitrary edge.
 */
export function bestLag(curve: ArrayLike<number>, maxLag: number): { lag: number; r: number } | null {
  let best: { lag: number; r: number } | null = null;
  // Only a strictly larger |r| replaces the best, so visiting lags as 0, -1, 1, -2, 2, ... breaks ties.
  // WHY no list of lags per distance: this runs once per pair, and those lists were garbage.
  const consider = (k: number): void => {
    const v = curve[k + maxLag];
    if (Number.isFinite(v) && (best === null || Math.abs(v) > Math.abs(best.r))) {
      best = { lag: k, r: v };
    }
  };
  consider(0);
  for (let d = 1; d <= maxLag; d++) {
    consider(-d);
    consider(d);
  }
  return best;
}
