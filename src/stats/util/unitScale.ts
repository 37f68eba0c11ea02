/**
 * Scaling series by a power of two before sums of products. WHY: a Pearson r or a variance squares the
 * data; values around 1e154 overflow to Infinity when squared and values around 1e-162 underflow to 0,
 * so a plain two-pass sum returns r = 0 or NaN where the data are fine. Correlation is scale-invariant,
 * and a power of two changes no significant bit, so moments of the scaled series are the well-scaled
 * computation exactly; series already in a safe range are left as they are (no copy, same bits).
 */

/** Largest finite |value| (0 when there is none). */
export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > m && a !== Infinity) {
      m = a;
    }
  }
  return m;
}

/** Magnitudes whose squares summed over any realistic length stay normal and finite. */
const SAFE_LOW = 2 ** -200;
const SAFE_HIGH = 2 ** 200;

/** x * 2^k for any k the doubles allow, in two steps when 2^k itself is not a double. */
export function timesPow2(x: number, k: number): number {
  if (k > 1000) {
    return x * 2 ** 1000 * 2 ** (k - 1000);
  }
  if (k < -1000) {
    return x * 2 ** -1000 * 2 ** (k + 1000);
  }
  return x * 2 ** k;
}

/**
 * The exponent k such that max|x| * 2^k lies in [0.5, 1), or 0 when max|x| is already in the safe
 * range (or x has no non-zero finite value).
 */
export function unitExponent(x: ArrayLike<number>): number {
  const m = maxAbs(x);
  return m === 0 || (m >= SAFE_LOW && m <= SAFE_HIGH) ? 0 : pow2Exponent(m);
}

/** The exponent k such that m * 2^k lies in [0.5, 1) (m finite and > 0). */
export function pow2Exponent(m: number): number {
  return -(Math.floor(Math.log2(m)) + 1);
}

/** x scaled by 2^k as a new array; x itself when k is 0. */
export function scaledByPow2(x: Float64Array, k: number): Float64Array {
  if (k === 0) {
    return x;
  }
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    out[i] = timesPow2(x[i], k);
  }
  return out;
}

/** The series ready for sums of products: scaled into [0.5, 1) when its magnitude is extreme. */
export function unitScaled(x: Float64Array): Float64Array {
  return scaledByPow2(x, unitExponent(x));
}
