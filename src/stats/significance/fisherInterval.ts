import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { CorrelationMethod } from '../contract';

/**
 * Confidence interval for a correlation by Fisher's z transform (Fisher 1921): z = atanh(r) is close
 * to normal with standard error sqrt(c / (nEff - d)). Pearson: c = 1, d = 3. Spearman: c = 1.06, d = 3
 * and Kendall: c = 0.437, d = 4 (Fieller, Hartley & Pearson 1957, Biometrika 44:470-481).
 * Uses the effective sample size so that autocorrelated series get honest, wider intervals.
 * Bounds are missing (NaN) when nEff is too small for the formula.
 *
 * In two parts for a matrix's many pairs: the constants of one method and level (`fisherSpec`, with the
 * normal quantile, once per matrix) and the bounds of one pair (`fisherTanhHalf`, `fisherBound`).
 */
export interface FisherSpec {
  c: number;
  d: number;
  /** The normal quantile z_{1 - alpha/2}. */
  quantile: number;
}

export function fisherSpec(alpha: number, method: CorrelationMethod): FisherSpec {
  return {
    c: method === 'spearman' ? 1.06 : method === 'kendall' ? 0.437 : 1,
    d: method === 'kendall' ? 4 : 3,
    quantile: normalQuantile(1 - alpha / 2, 0, 1),
  };
}

/** tanh of the interval's half-width on the z scale, z_{1-alpha/2} sqrt(c / (nEff - d)); NaN when nEff <= d. */
export function fisherTanhHalf(spec: FisherSpec, nEff: number): number {
  return nEff > spec.d ? Math.tanh(spec.quantile * Math.sqrt(spec.c / (nEff - spec.d))) : NaN;
}

/**
 * One bound tanh(atanh(r) + h) from t = tanh(h) (t < 0 for the lower bound): (r + t) / (1 + r t), the
 * addition theorem of tanh. WHY: one transcendental function per pair (t) instead of three (atanh and
 * two tanh); the bounds differ from the direct form by a few ulps. |r| = 1 is its own interval (the
 * formula would give 0/0 once t rounds to 1); a NaN t (nEff too small) gives NaN.
 */
export function fisherBound(r: number, t: number): number {
  if (Math.abs(r) < 1) {
    return (r + t) / (1 + r * t);
  }
  return Number.isNaN(t) ? NaN : r;
}
