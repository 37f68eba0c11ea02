/**
 * Lag with the largest |r(k)| from a curve indexed k + maxLag. Ties go to the smallest |k|, then to
 * the negative lag, so that a flat curve reports lag 0 rather than an arbitrary edge.
 */
export function bestLag(curve: ArrayLike<number>, maxLag: number): { lag: number; r: number } | null {
  let best: { lag: number; r: number } | null = null;
  for (let d = 0; d <= maxLag; d++) {
    for (const k of d === 0 ? [0] : [-d, d]) {
      const v = curve[k + maxLag];
      if (Number.isFinite(v) && (best === null || Math.abs(v) > Math.abs(best.r))) {
        best = { lag: k, r: v };
      }
    }
  }
  return best;
}
