import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { CorrelationMethod } from '../contract';

/**
 * Confidence interval for a correlation by Fisher's z transform (Fisher 1921): z = atanh(r) is close
 * to normal with standard error sqrt(c / (nEff - d)). Pearson: c = 1, d = 3. Spearman: c = 1.06, d = 3
 * and Kendall: c = 0.437, d = 4 (Fieller, Hartley & Pearson 1957, Biometrika 44:470-481).
 * Uses the effective sample size so that autocorrelated series get honest, wider intervals.
 * Returns null bounds when nEff is too small for the formula.
 */
export function fisherInterval(
  r: number,
  nEff: number,
  alpha: number,
  method: CorrelationMethod
): { low: number; high: number } | null {
  const c = method === 'spearman' ? 1.06 : method === 'kendall' ? 0.437 : 1;
  const d = method === 'kendall' ? 4 : 3;
  if (!Number.isFinite(r) || !(nEff > d)) {
    return null;
  }
  if (Math.abs(r) >= 1) {
    return { low: r, high: r };
  }
  const z = Math.atanh(r);
  const half = normalQuantile(1 - alpha / 2, 0, 1) * Math.sqrt(c / (nEff - d));
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}
