/**
 * Hellinger distance between discrete distributions:
 *
 *   H(p, q) = sqrt(1 - sum_i sqrt(p_i * q_i)) = ||sqrt(p) - sqrt(q)||_2 / sqrt(2)    in [0, 1]
 *
 * 0 for identical distributions, 1 for disjoint supports, symmetric, no smoothing needed. Same
 * normalisation as Evidently's "hellinger" test (categorical branch). We compute the L2 form, which does
 * not lose precision to cancellation when p and q are close.
 */
import { requirePair } from './distribution';

/** Hellinger distance between two count vectors over identical bins. */
export function hellinger(current: ArrayLike<number>, baseline: ArrayLike<number>): number {
  const { p, q } = requirePair(current, baseline);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
    s += d * d;
  }
  return Math.min(1, Math.sqrt(s / 2));
}
