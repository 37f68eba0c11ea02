import { timesPow2, unitExponent } from './unitScale';

export interface MeanStd {
  count: number;
  mean: number;
  /** Sample standard deviation (ddof = 1); NaN when count < 2. */
  std: number;
}

/**
 * Mean and sample standard deviation of the finite values (two-pass for accuracy), computed on the
 * series scaled by a power of two when its magnitude would overflow or underflow the squares
 * (unitScale.ts), then scaled back. `k`: the series' unitExponent when the caller has it already.
 */
export function meanStd(x: ArrayLike<number>, k = unitExponent(x)): MeanStd {
  if (k === 0) {
    return plainMeanStd(x);
  }
  const scaled = Float64Array.from(x as ArrayLike<number>, (v) => timesPow2(v, k));
  const m = plainMeanStd(scaled);
  return { count: m.count, mean: timesPow2(m.mean, -k), std: timesPow2(m.std, -k) };
}

function plainMeanStd(x: ArrayLike<number>): MeanStd {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) {
      sum += x[i];
      count++;
    }
  }
  if (count === 0) {
    return { count, mean: NaN, std: NaN };
  }
  const first = sum / count;
  let ss = 0;
  let sd = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) {
      const d = x[i] - first;
      sd += d;
      ss += d * d;
    }
  }
  // Corrected two-pass form (util/centre.ts): the first-pass mean's error is removed.
  const mean = first + sd / count;
  ss -= (sd * sd) / count;
  return { count, mean, std: count > 1 ? Math.sqrt(Math.max(0, ss) / (count - 1)) : NaN };
}
