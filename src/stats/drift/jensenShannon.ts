/**
 * Jensen-Shannon divergence and distance, base-2 logarithm.
 *
 *   m = (p + q) / 2
 *   JSD(p, q) = (KL(p || m) + KL(q || m)) / 2     in [0, 1] with log2  ("divergence")
 *   JS distance = sqrt(JSD)                        in [0, 1]            ("distance")
 *
 * scipy.spatial.distance.jensenshannon(p, q, base=2) returns the DISTANCE. Evidently's "jensenshannon"
 * test thresholds the distance (0.1). Terms with a zero proportion contribute 0 (0 * log 0 = 0), so no
 * smoothing is needed: m_i > 0 wherever p_i or q_i > 0. Symmetric in p and q.
 */
import { requirePair } from './distribution';

export interface JensenShannon {
  /** JSD with log base 2, in [0, 1]. */
  divergence: number;
  /** sqrt(divergence), what SciPy's `jensenshannon(..., base=2)` returns. */
  distance: number;
}

function klTermBase2(a: number, m: number): number {
  return a > 0 ? a * Math.log2(a / m) : 0;
}

/** JS divergence (base 2) and distance between two count vectors over identical bins. */
export function jensenShannon(current: ArrayLike<number>, baseline: ArrayLike<number>): JensenShannon {
  const { p, q } = requirePair(current, baseline);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    s += klTermBase2(p[i], m) + klTermBase2(q[i], m);
  }
  // Clamp rounding excursions so the documented [0, 1] range holds exactly.
  const divergence = Math.min(1, Math.max(0, s / 2));
  return { divergence, distance: Math.sqrt(divergence) };
}
