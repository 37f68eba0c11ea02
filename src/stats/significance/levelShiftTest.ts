import { tTwoSided } from './tTail';

export interface LevelShiftTest {
  t: number;
  df: number;
  /** Two-sided p. */
  p: number;
}

/**
 * Did the mean move, measured against the baseline's spread? Under the null hypothesis the incident
 * follows the baseline's process, so both windows share the baseline's variance s²_B:
 *
 *   t = (m_I − m_B) / (s_B · sqrt(1/n_I + 1/n_B)),  df = n_B − 1
 *
 * with effective sizes for n (significance/meanEffectiveSize.ts). WHY not Welch's test: Welch lets the
 * incident have its own variance, so a signal that leaves its normal range in a burst (a drift score
 * rising tenfold and falling back) is judged against the burst's own spread and looks unremarkable; the
 * question here is "is this unlike normal?", and normal is the baseline. s_B is ddof = 1.
 * A constant baseline: t is ±Infinity (p 0) when the mean moved and NaN (no test) when it did not.
 */
export function levelShiftTest(
  baseline: { mean: number; variance: number; n: number },
  incident: { mean: number; n: number }
): LevelShiftTest {
  if (!(baseline.n >= 2) || !(incident.n > 0) || !Number.isFinite(baseline.mean) || !Number.isFinite(incident.mean)) {
    return { t: NaN, df: NaN, p: NaN };
  }
  const df = baseline.n - 1;
  const diff = incident.mean - baseline.mean;
  const se = Math.sqrt(baseline.variance) * Math.sqrt(1 / incident.n + 1 / baseline.n);
  if (!(se > 0)) {
    return diff === 0 ? { t: NaN, df, p: NaN } : { t: diff > 0 ? Infinity : -Infinity, df, p: 0 };
  }
  const t = diff / se;
  return { t, df, p: Math.min(1, tTwoSided(t, df)) };
}
