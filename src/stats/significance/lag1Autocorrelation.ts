/**
 * Lag-1 autocorrelation r1 = sum (x_t - m)(x_{t+1} - m) / sum (x_t - m)^2 (the standard ACF estimator,
 * Box & Jenkins), with m the mean of the finite values; products involving a missing value are
 * skipped. It feeds the effective sample size (Bretherton et al. 1999). NaN when undefined.
 */
export function lag1Autocorrelation(x: ArrayLike<number>): number {
  const len = x.length;
  let n = 0;
  let s = 0;
  for (let i = 0; i < len; i++) {
    const v = x[i];
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  if (n < 3) {
    return NaN;
  }
  const m = s / n;
  let den = 0;
  let num = 0;
  if (n === len) {
    // No missing value (the common case, every series of a matrix): each deviation computed once and
    // no test per value; the same sums in the same order as below.
    let d = x[0] - m;
    for (let i = 1; i < len; i++) {
      const next = x[i] - m;
      den += d * d;
      num += d * next;
      d = next;
    }
    den += d * d;
    return den > 0 ? num / den : NaN;
  }
  for (let i = 0; i < len; i++) {
    if (!Number.isFinite(x[i])) {
      continue;
    }
    const d = x[i] - m;
    den += d * d;
    if (i + 1 < len && Number.isFinite(x[i + 1])) {
      num += d * (x[i + 1] - m);
    }
  }
  return den > 0 ? num / den : NaN;
}
