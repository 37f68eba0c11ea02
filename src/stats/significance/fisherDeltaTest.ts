import { normalTwoSided, normalTwoSidedInto } from './normalTail';

export interface FisherDeltaTest {
  /** rAfter − rBefore. */
  delta: number;
  z: number;
  /** Two-sided p. */
  p: number;
}

/** r pulled inside ±(1 − 1e-15); a function of the module, not of each call (a compare tests every pair). */
function clamp(r: number): number {
  return Math.max(-1 + 1e-15, Math.min(1 - 1e-15, r));
}

/**
 * Is the correlation of a pair different in two independent windows? Fisher's z test for two
 * correlations (Fisher 1921; Cohen et al., "Applied Multiple Regression", 3rd ed., §2.8.2):
 *
 *   z = (atanh r2 − atanh r1) / sqrt(1/(n1 − 3) + 1/(n2 − 3))
 *
 * with each window's effective sample size in place of n (Bretherton, effectiveSampleSize.ts), so two
 * smooth series that happen to line up in a short window do not count as a new link. NaN (no test)
 * when an r is missing or a window has 3 or fewer effective points. |r| = 1 is pulled in to
 * ±(1 − 1e-15) so that atanh stays finite and the test still ranks it as the strongest change.
 */
export function fisherDeltaTest(rBefore: number, nBefore: number, rAfter: number, nAfter: number): FisherDeltaTest {
  const z = fisherDeltaZ(rBefore, nBefore, rAfter, nAfter);
  return { delta: rAfter - rBefore, z, p: fisherDeltaP(z) };
}

/** fisherDeltaTest's z alone (NaN: no test). WHY apart: a compare tests every pair and keeps numbers, not objects. */
export function fisherDeltaZ(rBefore: number, nBefore: number, rAfter: number, nAfter: number): number {
  if (!Number.isFinite(rAfter - rBefore) || !(nBefore > 3) || !(nAfter > 3)) {
    return NaN;
  }
  return fisherZChange(clamp(rBefore), clamp(rAfter)) / Math.sqrt(1 / (nBefore - 3) + 1 / (nAfter - 3));
}

/**
 * atanh(b) − atanh(a) for a, b in (−1, 1). WHY not the two atanh: where a and b are close their
 * difference cancels (about 1e-8 relative error on pairs 1e-6 apart), and a compare takes one for every
 * pair of signals. As the log of one ratio, ½·log1p(2(b − a) / ((1 − b)(1 + a))) (exactly: (1 + b)(1 − a)
 * − (1 − b)(1 + a) = 2(b − a)) keeps its relative precision and takes one logarithm instead of two; where
 * the ratio is far from 1 (its log1p argument beyond ±½, a change of z by 0.2 or more) the two atanh have
 * nothing to cancel, while log1p near −1 would lose what a rounds away near 1.
 */
function fisherZChange(a: number, b: number): number {
  const x = (2 * (b - a)) / ((1 - b) * (1 + a));
  return Math.abs(x) <= 0.5 ? 0.5 * Math.log1p(x) : Math.atanh(b) - Math.atanh(a);
}

/** Two-sided p of fisherDeltaZ's z (NaN for NaN). */
export function fisherDeltaP(z: number): number {
  return normalTwoSided(z);
}

/**
 * fisherDeltaZ of many pairs, pair k from rBefore[k], nBefore[k], rAfter[k] and nAfter[k], into z[k].
 * WHY a loop here: a compare tests every pair of signals, and a call per pair that hands doubles to a
 * function V8 did not inline boxes each of them (a heap number apiece); their p-values follow in one
 * more loop (fisherDeltaPs).
 */
export function fisherDeltaZs(
  rBefore: Float64Array,
  nBefore: Float64Array,
  rAfter: Float64Array,
  nAfter: Float64Array,
  z: Float64Array
): Float64Array {
  for (let k = 0; k < z.length; k++) {
    z[k] = fisherDeltaZ(rBefore[k], nBefore[k], rAfter[k], nAfter[k]);
  }
  return z;
}

/** fisherDeltaP of each z[k] into p[k] (p may be z), in one loop for the same reason as fisherDeltaZs. */
export function fisherDeltaPs(z: Float64Array, p: Float64Array): Float64Array {
  return normalTwoSidedInto(z, p);
}
