/**
 * True when all finite values are exactly equal (or there are none). Checked exactly, as SciPy does
 * (x == x[0]).all(), because a floating-point mean of equal values can differ from them by one ulp and
 * then a "variance" of 1e-32 would yield a meaningless correlation instead of "undefined".
 */
export function isConstant(x: ArrayLike<number>, mask?: (i: number) => boolean): boolean {
  let first = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v) || (mask && !mask(i))) {
      continue;
    }
    if (Number.isNaN(first)) {
      first = v;
    } else if (v !== first) {
      return false;
    }
  }
  return true;
}
