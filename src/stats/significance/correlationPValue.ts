import { incompleteBetaHalf } from './tTail';

/**
 * Two-sided p-value for a Pearson or Spearman coefficient under H0: rho = 0, as SciPy computes it:
 * t = r sqrt(df / ((1 - r)(1 + r))) with df = n - 2, p = 2 P(T_df > |t|). For Pearson this equals
 * SciPy's exact beta-distribution form (Fisher 1915); for Spearman it is SciPy's t approximation.
 * `df` may be fractional (effective sample size). SciPy's special case n = 2 gives p = 1.
 * Computed as p = I_{1 - r^2}(df/2, 1/2) (tTail.ts), with 1 - r^2 taken as (1 - r)(1 + r).
 */
export function correlationPValue(r: number, df: number): number {
  if (!Number.isFinite(r) || !(df > 0)) {
    return NaN;
  }
  const a = Math.abs(r);
  if (a >= 1) {
    return 0;
  }
  return Math.min(1, incompleteBetaHalf(df / 2, (1 - a) * (1 + a), a * a));
}
