import type { ChangeTest, SignalChange, SignalRole } from '../contract';
import { ksPValue } from '../drift/ks';
import { levelShiftTest } from '../significance/levelShiftTest';
import { finiteOrNull } from '../util/missing';
import type { WindowPair } from './windowPair';

/** Fewest finite points a window needs before its signal is tested at all. */
export const MIN_WINDOW_POINTS = 3;

/**
 * Two-sample KS with effective sizes (the Stephens-corrected Kolmogorov law of drift/ks.ts), for samples
 * of sizes n and m whose D is d (windowPair.ts).
 */
function ksTest(d: number, n: number, m: number, nA: number, nB: number): ChangeTest {
  if (n === 0 || m === 0) {
    return { statistic: null, p: null };
  }
  return { statistic: d, p: finiteOrNull(ksPValue(d, nA, nB)) };
}

/**
 * How one signal changed from the baseline window to the incident window: three tests, each honest for
 * autocorrelation through the windows' effective sizes:
 *   - level: the mean's shift against the baseline's spread (a step or a ramp; levelShiftTest.ts);
 *   - ksLevel: KS on the values (any change of distribution, e.g. a wider spread or a new mode);
 *   - ksDiff: KS on the first differences (a change in how the signal moves: bursts, a new trend, noise).
 * p is the smallest of the three, Bonferroni-corrected for taking the smallest (3·p_min, at most 1).
 * The effect size is Glass's Δ, the mean shift in baseline standard deviations; score (for ranking) is
 * the larger KS D, a share in [0, 1] that compares across signals of any unit. q is left null for the
 * caller, which adjusts p across all signals.
 */
export function signalChange(id: string, name: string, role: SignalRole, pair: WindowPair): SignalChange {
  const { baseline, incident } = pair;
  // One object with every field from the start, filled in below: spreading a shared part into two
  // results cost more than the three tests' arithmetic.
  const none: ChangeTest = { statistic: null, p: null };
  const change: SignalChange = {
    id,
    name,
    role,
    baselineMean: finiteOrNull(baseline.mean),
    incidentMean: finiteOrNull(incident.mean),
    nEffBaseline: finiteOrNull(baseline.nEff),
    nEffIncident: finiteOrNull(incident.nEff),
    effect: null,
    level: none,
    ksLevel: none,
    ksDiff: none,
    score: null,
    p: null,
    reason: 'too_few_points',
    q: null,
  };
  if (baseline.values.length < MIN_WINDOW_POINTS || incident.values.length < MIN_WINDOW_POINTS) {
    return change;
  }
  const moved = levelShiftTest(
    { mean: baseline.mean, variance: baseline.variance, n: baseline.nEff },
    { mean: incident.mean, n: incident.nEff }
  );
  const level: ChangeTest = {
    statistic: finiteOrNull(moved.t),
    p: finiteOrNull(moved.p),
  };
  const ksLevel = ksTest(pair.dLevels, baseline.values.length, incident.values.length, baseline.nEff, incident.nEff);
  const ksDiff = ksTest(
    pair.dDiffs,
    baseline.diffs.length,
    incident.diffs.length,
    baseline.nEffDiffs,
    incident.nEffDiffs
  );
  const ps = [level.p, ksLevel.p, ksDiff.p].filter((p): p is number => p !== null);
  const sd = Math.sqrt(baseline.variance);
  const shift = incident.mean - baseline.mean;
  const effect = sd > 0 ? shift / sd : shift === 0 ? 0 : null;
  const scores = [ksLevel.statistic, ksDiff.statistic].filter((d): d is number => d !== null);
  // Constant and equal in both windows: nothing changed, and no test can say more.
  const constantAlike = shift === 0 && baseline.variance === 0 && incident.variance === 0;
  change.effect = finiteOrNull(effect ?? NaN);
  change.level = level;
  change.ksLevel = ksLevel;
  change.ksDiff = ksDiff;
  change.score = scores.length > 0 ? Math.max(...scores) : null;
  change.p = constantAlike ? 1 : ps.length > 0 ? Math.min(1, 3 * Math.min(...ps)) : null;
  change.reason = null;
  return change;
}
