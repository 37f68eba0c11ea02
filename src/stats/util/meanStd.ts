export interface MeanStd {
  count: number;
  mean: number;
  /** Sample standard deviation (ddof = 1); NaN when count < 2. */
  std: number;
}

/** Mean and sample standard deviation of the finite values (two-pass for accuracy). */
export function meanStd(x: ArrayLike<number>): MeanStd {
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
  const mean = sum / count;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) {
      const d = x[i] - mean;
      ss += d * d;
    }
  }
  return { count, mean, std: count > 1 ? Math.sqrt(ss / (count - 1)) : NaN };
}
