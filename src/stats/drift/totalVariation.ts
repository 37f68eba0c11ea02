/**
 * Total variation distance between discrete distributions:
 *
 *   TV(p, q) = (1/2) * sum_i |p_i - q_i|    in [0, 1]
 *
 * The largest difference in probability the two distributions give to any event (any set of bins).
 * Symmetric, no smoothing needed. Note: Evidently's "TVD" test thresholds a permutation p-value (< 0.1),
 * not this distance; our thresholds for TV are InfraDrift defaults (thresholds.ts).
 */
import { requirePair } from './distribution';

/** Total variation distance between two count vectors over identical bins. */
export function totalVariation(current: ArrayLike<number>, baseline: ArrayLike<number>): number {
  const { p, q } = requirePair(current, baseline);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    s += Math.abs(p[i] - q[i]);
  }
  return Math.min(1, s / 2);
}
