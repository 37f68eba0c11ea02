/**
 * Shared helpers for binned (discrete) distributions.
 *
 * Every binned divergence in this folder takes two count (or proportion) vectors over the SAME bins,
 * in the same order. Counts are normalised here once so each method states only its own formula.
 */

/** Default value that replaces an empty bin's proportion before taking a logarithm (see psi.ts, kl.ts). */
export const DEFAULT_EPSILON = 1e-4;

/** Sum of a vector, or NaN if any entry is negative or not finite (a corrupt input must not score). */
export function totalCount(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!Number.isFinite(c) || c < 0) {
      return NaN;
    }
    total += c;
  }
  return total;
}

/**
 * Counts -> proportions summing to 1. Returns null when the vector has no mass or is invalid, so callers
 * report "not computable" instead of inventing a 0.
 */
export function toProportions(counts: ArrayLike<number>): Float64Array | null {
  const total = totalCount(counts);
  if (!(total > 0)) {
    return null;
  }
  const p = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    p[i] = counts[i] / total;
  }
  return p;
}

/**
 * Replaces zero proportions by `epsilon` (in place) without renormalising. This is the rule of
 * Evidently's `get_binned_data(feel_zeroes=True)` for the usual case (it uses min/1e6 when the smallest
 * non-zero share is already <= 1e-4; we keep the fixed epsilon so the rule is predictable).
 */
export function fillZeros(p: Float64Array, epsilon: number): Float64Array {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) {
      p[i] = epsilon;
    }
  }
  return p;
}

/** Normalises a non-negative vector to sum 1 (in place). */
export function renormalise(p: Float64Array): Float64Array {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    s += p[i];
  }
  for (let i = 0; i < p.length; i++) {
    p[i] /= s;
  }
  return p;
}

/** Both vectors as proportions over the same bins, or null (with the reason) when one cannot be scored. */
export function pairOfProportions(
  current: ArrayLike<number>,
  baseline: ArrayLike<number>
): { p: Float64Array; q: Float64Array } | { error: string } {
  if (current.length !== baseline.length) {
    return { error: `bin count mismatch: current has ${current.length}, baseline has ${baseline.length}` };
  }
  if (current.length === 0) {
    return { error: 'no bins' };
  }
  const p = toProportions(current);
  if (p === null) {
    return { error: 'current window has no valid counts' };
  }
  const q = toProportions(baseline);
  if (q === null) {
    return { error: 'baseline has no valid counts' };
  }
  return { p, q };
}

/** Throws on invalid pairs: the pure scoring functions are for programmer use; analyzeDrift reports warnings. */
export function requirePair(
  current: ArrayLike<number>,
  baseline: ArrayLike<number>
): { p: Float64Array; q: Float64Array } {
  const r = pairOfProportions(current, baseline);
  if ('error' in r) {
    throw new RangeError(r.error);
  }
  return r;
}
