/**
 * The run of finite values at the start of x (all of it when nothing is missing): its length, sum,
 * smallest and largest. WHY four sums and four extremes side by side: one running sum waits on its own
 * last addition at every value; four keep the processor busy (the sum rounds differently from one
 * running sum, by an ulp or so). Without `extremes` (centring needs only the sum), min and max stay
 * ±Infinity: Math.min and Math.max keep IEEE's rules for NaN and the sign of zero, which costs V8 more
 * per value than the sum.
 */
export function finitePrefix(
  x: ArrayLike<number>,
  extremes = true
): { n: number; sum: number; min: number; max: number } {
  const len = x.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let lo0 = Infinity;
  let lo1 = Infinity;
  let hi0 = -Infinity;
  let hi1 = -Infinity;
  let t = 0;
  for (; t + 4 <= len; t += 4) {
    const a = x[t];
    const b = x[t + 1];
    const c = x[t + 2];
    const d = x[t + 3];
    if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) {
      break;
    }
    s0 += a;
    s1 += b;
    s2 += c;
    s3 += d;
    if (extremes) {
      lo0 = Math.min(lo0, a, b);
      lo1 = Math.min(lo1, c, d);
      hi0 = Math.max(hi0, a, b);
      hi1 = Math.max(hi1, c, d);
    }
  }
  let sum = s0 + s1 + (s2 + s3);
  let min = Math.min(lo0, lo1);
  let max = Math.max(hi0, hi1);
  for (; t < len && Number.isFinite(x[t]); t++) {
    sum += x[t];
    if (extremes) {
      min = Math.min(min, x[t]);
      max = Math.max(max, x[t]);
    }
  }
  return { n: t, sum, min, max };
}
