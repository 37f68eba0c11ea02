/**
 * Kullback-Leibler divergence, direction KL(baseline || current), natural log (nats):
 *
 *   KL(b || c) = sum_i b_i * ln(b_i / c_i)
 *
 * The direction is Evidently's (`stats.entropy(reference_percents, current_percents)` in
 * `evidently/.../stattests/kl_div.py`), so its 0.1 threshold applies to the same quantity. It reads as
 * "information lost when the current distribution is used to describe the baseline"; it grows without
 * bound when current mass vanishes where the baseline had mass.
 *
 * Empty bins: zero proportions on either side are replaced by epsilon = 1e-4 and then each vector is
 * renormalised to sum 1 (as scipy.stats.entropy renormalises), which keeps KL finite and >= 0 (Gibbs).
 * Without any empty bin this is exactly scipy.stats.entropy(baseline, current).
 */
import { DEFAULT_EPSILON, fillZeros, renormalise, requirePair } from './distribution';

export interface KlOptions {
  /** Replacement for zero proportions before renormalising (default 1e-4). */
  epsilon?: number;
}

/** KL(baseline || current) in nats over identical bins. Throws on mismatched/empty input. */
export function klDivergence(current: ArrayLike<number>, baseline: ArrayLike<number>, options: KlOptions = {}): number {
  const eps = options.epsilon ?? DEFAULT_EPSILON;
  const { p, q } = requirePair(current, baseline);
  renormalise(fillZeros(p, eps));
  renormalise(fillZeros(q, eps));
  let s = 0;
  for (let i = 0; i < q.length; i++) {
    s += q[i] * Math.log(q[i] / p[i]);
  }
  // Rounding can leave -1e-17 for identical inputs; KL is >= 0 by Gibbs' inequality.
  return Math.max(0, s);
}
