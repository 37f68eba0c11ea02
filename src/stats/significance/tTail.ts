import { erfcx } from './erfcx';

/**
 * Two-sided Student t tail p = 2 P(T_df > |t|), built for the many calls of a correlation matrix (one
 * or two per pair). It is the regularized incomplete beta function
 *
 *   p = I_x(df/2, 1/2),  x = df / (df + t^2),  1 - x = t^2 / (df + t^2),
 *
 * and for a correlation coefficient x = 1 - r^2 exactly (t = r sqrt(df / (1 - r^2))), so the p-value
 * of r never forms t at all.
 *
 * Method (decided for speed at any df, integer or fractional as the effective sample size gives):
 * - df >= 30 and x > 0.7 (|t| below ~0.65 sqrt(df): where most p-values of a matrix fall): the
 *   asymptotic expansion of DiDonato & Morris (TOMS 708 `bgrat`) around erfc, a few terms with
 *   constant coefficients, one exponential and a rational erfcx (erfcx.ts);
 * - elsewhere: the continued fraction of I_x(a, b) (Numerical Recipes 6.4, modified Lentz) on the
 *   side of the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where it converges fast (a handful of terms
 *   in the tails, ~sqrt(df) at worst), prefactor x^a (1-x)^b / B(a, b) in logs with log(x), log(1-x)
 *   from whichever of x, 1-x is accurate.
 * Both take ln(Gamma(a+1/2)/Gamma(a)) from the Stirling series of the difference (no cancellation
 * between two large lnGamma values at large df).
 * WHY not the closed forms for integer df: they cost O(df) terms, and the corrected p-values use a
 * fractional df anyway. About 5x faster than @stdlib's t CDF on a 1000-series matrix's p-values.
 * Agreement with SciPy (2 * scipy.stats.t.sf) and 40-digit mpmath: tTail.test.ts
 * (fixtures/reference/correlation/t_tail.json): within 1e-12 relative down to p = 1e-300, df 0.5 to 1e6.
 */

/** Relative size of the last continued-fraction factor at which it has converged. */
const CF_EPS = 1e-16;
const CF_TINY = 1e-300;
/** Far more than sqrt(df) for any df a time series reaches (df 1e6 needs about 1000). */
const CF_MAX_TERMS = 100000;
const HALF_LN_PI = 0.5 * Math.log(Math.PI);
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
/** Tolerance of the asymptotic expansion's last term, relative to its sum. */
const BGRAT_EPS = 1e-16;

/**
 * The Stirling series of lnGamma(z) beyond (z - 1/2) ln z - z + ln(2 pi)/2, to the z^-9 term, in powers
 * of w = 1/z^2 (one division: divisions are the slow operations of this series).
 */
function stirlingTail(z: number): number {
  const w = 1 / (z * z);
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - w / 1188) * w) * w) * w) / z;
}

/**
 * ln(Gamma(a + 1/2) / Gamma(a)) for a > 0. For a >= 10 the Stirling series of lnGamma(a + 1/2) -
 * lnGamma(a) summed as one difference (truncation below 1e-14); below, the recurrence
 * Gamma(a + 3/2) / Gamma(a + 1) = (a + 1/2) / a * Gamma(a + 1/2) / Gamma(a) lifts a above 10.
 */
function lnGammaRatioHalf(a: number): number {
  let shift = 0;
  while (a < 10) {
    shift += Math.log(a / (a + 0.5));
    a += 1;
  }
  return shift + 0.5 * Math.log(a) + (a * Math.log1p(0.5 / a) - 0.5) + (stirlingTail(a + 0.5) - stirlingTail(a));
}

/**
 * ln(Gamma(a + 1/2) / Gamma(a)) and Gamma(a + 1/2) / (Gamma(a) (a - 1/4)^(1/2)) (`gammaFactor`),
 * remembered for the last two a (least recently used out; slot 0 the most recent): a matrix's naive
 * p-values share one df while the corrected ones, called in between, vary, so the shared df keeps its
 * slot and skips the logarithms and the exponential. The factor is computed when first asked for.
 */
const memoA = Float64Array.of(NaN, NaN);
const memoLnRatio = Float64Array.of(NaN, NaN);
const memoFactor = Float64Array.of(NaN, NaN);

/** Makes `a` the entry in slot 0, computing its log ratio when it is not remembered. */
function remember(a: number): void {
  if (a === memoA[0]) {
    return;
  }
  const hit = a === memoA[1];
  const lnRatio = hit ? memoLnRatio[1] : lnGammaRatioHalf(a);
  const factor = hit ? memoFactor[1] : NaN;
  memoA[1] = memoA[0];
  memoLnRatio[1] = memoLnRatio[0];
  memoFactor[1] = memoFactor[0];
  memoA[0] = a;
  memoLnRatio[0] = lnRatio;
  memoFactor[0] = factor;
}

function lnGammaRatioHalfMemo(a: number): number {
  remember(a);
  return memoLnRatio[0];
}

function gammaFactor(a: number): number {
  remember(a);
  if (Number.isNaN(memoFactor[0])) {
    memoFactor[0] = Math.exp(memoLnRatio[0] - 0.5 * Math.log(a - 0.25));
  }
  return memoFactor[0];
}

/** Lentz's guard: a denominator of exactly 0 becomes a tiny number instead. */
function awayFromZero(v: number): number {
  return Math.abs(v) < CF_TINY ? CF_TINY : v;
}

/** The continued fraction of I_x(a, b) without its prefactor (Numerical Recipes `betacf`). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 / awayFromZero(1 - (qab * x) / qap);
  let h = d;
  // Per term m, the half-step k = 2m (coefficient m(b-m)x / ((a+2m-1)(a+2m))) then k = 2m+1
  // (coefficient -(a+m)(a+b+m)x / ((a+2m)(a+2m+1))); convergence is judged after the odd one, as in
  // `betacf`. Written as the pair (not one loop over k with a parity test): the fraction runs inside
  // every p-value of a matrix.
  for (let m = 1; m <= CF_MAX_TERMS; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 / awayFromZero(1 + even * d);
    c = awayFromZero(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 / awayFromZero(1 + odd * d);
    c = awayFromZero(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= CF_EPS) {
      return h;
    }
  }
  return NaN;
}

/**
 * d_n of the asymptotic expansion below for b = 1/2 (they depend on b only): with c_n = 1/(2n+1)!,
 * d_n = (b - 1) c_n + (1/n) sum_{i=1}^{n-1} (b - n + (i - 1) b) c_i d_{n-i} (DiDonato & Morris 1992, §9).
 */
const BGRAT_TERMS = 30;
const BGRAT_D = ((): Float64Array => {
  const b = 0.5;
  const c = new Float64Array(BGRAT_TERMS + 1);
  const d = new Float64Array(BGRAT_TERMS + 1);
  let cn = 1;
  for (let n = 1; n <= BGRAT_TERMS; n++) {
    cn /= 2 * n * (2 * n + 1);
    c[n] = cn;
    let s = 0;
    let coef = b - n;
    for (let i = 1; i < n; i++) {
      s += coef * c[i] * d[n - i];
      coef += b;
    }
    d[n] = (b - 1) * cn + s / n;
  }
  return d;
})();

/**
 * I_x(a, 1/2) given both x and y = 1 - x (each computed where it is accurate), a > 0, x in [0, 1].
 */
export function incompleteBetaHalf(a: number, x: number, y: number): number {
  if (x <= 0) {
    return 0;
  }
  if (y <= 0) {
    return 1;
  }
  const b = 0.5;
  const lnX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  if (a >= 15 && x > 0.7 && y * a > 0.49) {
    // I_x(a, 1/2) by the asymptotic expansion of DiDonato & Morris (1992, ACM TOMS 708, `bgrat`) in
    // powers of 1/nu^2, nu = a - 1/4, around the incomplete gamma Q(1/2, z) = erfc(sqrt z), z = -nu ln x.
    // WHY: about ten terms where the continued fraction needs ~sqrt(a) (the centre of the t distribution
    // at large df, where most correlation p-values fall). When it does not settle, the fraction below
    // answers. WHY here and not in a function of its own: a call per p-value boxes its arguments and
    // result (V8 passes doubles as heap objects), and half a million pairs made that a fifth of the time.
    const nu = a - 0.25;
    const z = -nu * lnX;
    const sz = Math.sqrt(z);
    // With q = Q(1/2, z) = e^-z erfcx(sqrt z) and r = e^-z z^b / Gamma(b) = e^-z sqrt(z / pi):
    // I = (u/r)(q + r sum_{n>=1} d_n j_n), j_0 = q/r, u/r = Gamma(a + b) / (Gamma(a) nu^b) (gammaFactor),
    // so e^-z is one factor outside the sum and underflows only with p itself.
    const ex = erfcx(sz);
    const rs = sz * INV_SQRT_PI;
    const v = 0.25 / (nu * nu);
    const t2 = 0.25 * lnX * lnX;
    let j = ex / rs;
    let sum = 0;
    let t = 1;
    let n2 = 0;
    for (let n = 1; n <= BGRAT_TERMS; n++) {
      const bp2n = b + n2;
      j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
      n2 += 2;
      t *= t2;
      const dj = BGRAT_D[n] * j;
      sum += dj;
      if (Math.abs(dj * rs) <= BGRAT_EPS * (ex + rs * sum)) {
        return gammaFactor(a) * Math.exp(-z) * (ex + rs * sum);
      }
    }
  }
  const lnY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  // x^a (1-x)^b / B(a, b) in logs, B(a, 1/2) = Gamma(a) sqrt(pi) / Gamma(a + 1/2).
  const lnFront = a * lnX + b * lnY;
  const front = Math.exp(lnFront - (HALF_LN_PI - lnGammaRatioHalfMemo(a)));
  const lower = x < (a + 1) / (a + b + 2);
  // A prefactor that underflows to 0 makes the product 0 whatever the (finite) fraction: skip it. Strongly
  // correlated pairs at large df land here.
  if (front === 0) {
    return lower ? 0 : 1;
  }
  return lower ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Two-sided p = 2 P(T_df > |t|) for df > 0; NaN for NaN input or df <= 0. */
export function tTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) {
    return NaN;
  }
  const at = Math.abs(t);
  if (at === 0) {
    return 1;
  }
  // q = df / t^2 without forming t^2 (which overflows for |t| > 1e154 while p is still > 0).
  const q = df / at / at;
  return incompleteBetaHalf(df / 2, q / (1 + q), 1 / (1 + q));
}
