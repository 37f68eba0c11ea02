import { erfc } from './erfcx';

/**
 * Two-sided normal tail P(|Z| ≥ |z|) = erfc(|z|/√2) (NaN for NaN), by Cody's erfc (erfcx.ts). Relative
 * error about 5e-16 beyond what rounding |z|/√2 carries into any erfc of it (2x² ulps of x).
 *
 * WHY not @stdlib's normal cdf: a compare tests the change of every pair of signals (45k at 300 signals),
 * and there that cdf cost about 70 ns per call (its erfc calls its own exp and writes words of doubles
 * through typed arrays), twice or more this.
 *
 * @example normalTwoSided(1.959963984540054) // 0.05 (to 1e-15)
 */
export function normalTwoSided(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * normalTwoSided of each z[k] into p[k] (p may be z). WHY a loop here: a compare takes one for every pair
 * of signals, and a call per pair that hands a double across a function V8 did not inline boxes it (a
 * heap number apiece); in this small loop erfc is inlined and no number is boxed.
 */
export function normalTwoSidedInto(z: Float64Array, p: Float64Array): Float64Array {
  for (let k = 0; k < z.length; k++) {
    p[k] = normalTwoSided(z[k]);
  }
  return p;
}
