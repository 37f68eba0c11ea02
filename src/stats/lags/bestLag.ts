/**
 * Lag with the largest |r(k)| from a curve indexed k + maxLag. Ties go to the smallest |k|, then to
 * the negative lag, so that a flat curve reports lag 0 rather than an arbitrary edge.
 */
export function bestLag(curve: ArrayLike<number>, maxLag: number): { lag: number; r: number } | null {
  let lag = 0;
  let r = NaN;
  // Lags visited as 0, -1, 1, -2, 2, ... (i = 0, 1, 2, 3, 4, ...), and only a strictly larger |r| replaces
  // the best: that order breaks the ties. WHY a plain loop: this runs once per pair (every link of a
  // compare), and a closure or an object per better lag cost more than the comparisons.
  for (let i = 0; i <= 2 * maxLag; i++) {
    const k = i % 2 === 1 ? -(i + 1) / 2 : i / 2;
    const v = curve[k + maxLag];
    if (Number.isFinite(v) && (Number.isNaN(r) || Math.abs(v) > Math.abs(r))) {
      lag = k;
      r = v;
    }
  }
  return Number.isNaN(r) ? null : { lag, r };
}
