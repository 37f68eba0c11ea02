/**
 * The lag sign convention, stated once for the engine, the frames and the panels:
 * r(k) = corr(A[t], B[t+k]); a positive lag k means A leads B by k steps (what happens in A shows up
 * in B k steps later). Everything that reads a pair the other way round, (B, A), goes through the
 * functions below instead of flipping signs by hand.
 */

/** The convention in words, repeated verbatim in results (`lags.convention`) and frames. */
export const LAG_CONVENTION = 'r(k) = corr(A[t], B[t+k]); positive lag k means A leads B by k steps' as const;

/**
 * The lag of (B, A) from the lag of (A, B): r_BA(k) = r_AB(-k), so the sign flips. Works for steps,
 * seconds or milliseconds; null (no lag) stays null; never returns -0.
 */
export function reverseLag<T extends number | null>(lag: T): T {
  return (lag === null ? null : -lag || 0) as T;
}

/**
 * The curve of (B, A) from the curve of (A, B), sampled at lags -K..K in ascending order: since
 * r_BA(k) = r_AB(-k), the same values in reverse order. For the lag axis itself, reverse it and map
 * each lag through reverseLag (it stays ascending).
 */
export function reverseCurve<T>(curve: readonly T[]): T[] {
  return curve.slice().reverse();
}

/**
 * The best lag of a pair as asked for, with `askedA` first, from a lag computed with `computedA`
 * first: unchanged when the orientation matches, reversed when the pair was computed the other way.
 */
export function lagAsAsked(lag: number | null, computedA: string, askedA: string): number | null {
  return computedA === askedA ? lag : reverseLag(lag);
}

/**
 * How far to move B's time axis so its points line up with A's at lag k (B[t+k] moves with A[t]):
 * B is drawn k earlier, a shift of -k. Used to overlay two series at their best lag.
 */
export function alignmentShift(lag: number): number {
  return reverseLag(lag);
}
