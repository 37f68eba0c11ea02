/**
 * Chi-squared goodness-of-fit of the current category counts against the baseline's proportions:
 *
 *   E_i = N_current * b_i / N_baseline,   X^2 = sum_i (O_i - E_i)^2 / E_i,   dof = k - 1
 *   p = P(chi2_dof > X^2)
 *
 * This is Evidently's "chisquare" test (`stattests/chisquare_stattest.py`: scipy.stats.chisquare(f_obs,
 * f_exp) with f_exp = reference counts * N_cur/N_ref), meant for categorical counters such as predicted
 * class counts. Categories empty on both sides are dropped (they carry no information and would add a
 * degree of freedom). A category seen now but never in the baseline makes E_i = 0: the statistic is
 * +Infinity and p = 0, with a warning, rather than a smoothed number.
 * p-value from the upper tail computed directly (chiSquaredSf, the upper regularized gamma), so it keeps
 * its relative precision far below 1e-16 instead of rounding 1 - CDF to 0.
 */
import { chiSquaredSf } from '../significance/upperGamma';
import { totalCount } from './distribution';

export interface ChiSquaredResult {
  statistic: number;
  pValue: number;
  dof: number;
  warnings: string[];
}

/** Goodness-of-fit chi-squared of current counts vs baseline proportions over the same categories. */
export function chiSquared(current: ArrayLike<number>, baseline: ArrayLike<number>): ChiSquaredResult {
  if (current.length !== baseline.length) {
    throw new RangeError(`category count mismatch: current has ${current.length}, baseline has ${baseline.length}`);
  }
  const nc = totalCount(current);
  const nb = totalCount(baseline);
  if (!(nc > 0) || !(nb > 0)) {
    return {
      statistic: NaN,
      pValue: NaN,
      dof: 0,
      warnings: [nc > 0 ? 'baseline has no counts' : 'current window has no counts'],
    };
  }
  const warnings: string[] = [];
  let stat = 0;
  let used = 0;
  for (let i = 0; i < current.length; i++) {
    const o = current[i];
    const e = (nc * baseline[i]) / nb;
    if (e === 0) {
      if (o > 0) {
        stat = Infinity;
        warnings.push(`category ${i} has ${o} current counts but none in the baseline`);
        used++;
      }
      continue;
    }
    used++;
    stat += ((o - e) * (o - e)) / e;
  }
  const dof = used - 1;
  if (dof < 1) {
    return { statistic: NaN, pValue: NaN, dof, warnings: [...warnings, 'fewer than two non-empty categories'] };
  }
  const pValue = stat === Infinity ? 0 : chiSquaredSf(stat, dof);
  return { statistic: stat, pValue, dof, warnings };
}
