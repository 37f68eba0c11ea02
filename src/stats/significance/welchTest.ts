import { tTwoSided } from './tTail';

export interface WelchTest {
  t: number;
  df: number;
  /** Two-sided p. */
  p: number;
}

/**
 * Welch's unequal-variance t-test of mean(b) − mean(a) from summary numbers, with the sample sizes
 * replaced by effective sizes (significance/meanEffectiveSize.ts) when the windows are autocorrelated:
 *
 *   t = (mb − ma) / sqrt(vb/nb + va/na),  df = (vb/nb + va/na)^2 / ((vb/nb)^2/(nb − 1) + (va/na)^2/(na − 1))
 *
 * With the raw sizes it is scipy.stats.ttest_ind(b, a, equal_var=False). Variances are ddof = 1.
 * Both windows constant: t is ±Infinity (p 0) when the means differ and NaN (no test) when they agree.
 */
export function welchTest(
  a: { mean: number; variance: number; n: number },
  b: { mean: number; variance: number; n: number }
): WelchTest {
  if (!(a.n >= 2) || !(b.n >= 2) || !Number.isFinite(a.mean) || !Number.isFinite(b.mean)) {
    return { t: NaN, df: NaN, p: NaN };
  }
  const sa = a.variance / a.n;
  const sb = b.variance / b.n;
  const se2 = sa + sb;
  const diff = b.mean - a.mean;
  if (!(se2 > 0)) {
    return diff === 0 ? { t: NaN, df: NaN, p: NaN } : { t: diff > 0 ? Infinity : -Infinity, df: NaN, p: 0 };
  }
  const t = diff / Math.sqrt(se2);
  const df = (se2 * se2) / ((sa * sa) / (a.n - 1) + (sb * sb) / (b.n - 1));
  return { t, df, p: Math.min(1, tTwoSided(t, df)) };
}
