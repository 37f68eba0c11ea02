/**
 * Centring for sums of products, shared by the Gram (Pearson) kernel and the lag kernel. WHY the
 * corrected two-pass form (Chan, Golub & LeVeque 1983): on series sitting on a large offset (a
 * counter near 1e9) the plain sum's mean is off by many ulps, and every squared deviation then
 * carries that error; adding the mean of the first-pass deviations back removes it.
 */
export interface Centred {
  /** Finite values. */
  count: number;
  /** Sum of squared deviations over the finite values. */
  ss: number;
}

/** Writes x - mean(x) into out[offset + t] for finite x[t] and 0 for missing ones. */
export function centreInto(x: ArrayLike<number>, out: Float64Array, offset = 0): Centred {
  const T = x.length;
  let s = 0;
  let count = 0;
  for (let t = 0; t < T; t++) {
    if (Number.isFinite(x[t])) {
      s += x[t];
      count++;
    }
  }
  if (count === T) {
    return centreComplete(x, out, offset, s);
  }
  const mean = count > 0 ? s / count : 0;
  let sd = 0;
  for (let t = 0; t < T; t++) {
    const d = Number.isFinite(x[t]) ? x[t] - mean : 0;
    out[offset + t] = d;
    sd += d;
  }
  const correction = count > 0 ? sd / count : 0;
  let ss = 0;
  for (let t = 0; t < T; t++) {
    if (Number.isFinite(x[t])) {
      const d = out[offset + t] - correction;
      out[offset + t] = d;
      ss += d * d;
    }
  }
  return { count, ss };
}

/**
 * The same corrected two-pass centring for a series with no missing value (the common case, and the
 * only one the Pearson kernel sees): no finiteness test per value in the hot loops.
 */
function centreComplete(x: ArrayLike<number>, out: Float64Array, offset: number, sum: number): Centred {
  const T = x.length;
  if (T === 0) {
    return { count: 0, ss: 0 };
  }
  const mean = sum / T;
  let sd = 0;
  for (let t = 0; t < T; t++) {
    const d = x[t] - mean;
    out[offset + t] = d;
    sd += d;
  }
  const correction = sd / T;
  let ss = 0;
  for (let t = 0; t < T; t++) {
    const d = out[offset + t] - correction;
    out[offset + t] = d;
    ss += d * d;
  }
  return { count: T, ss };
}

/**
 * Writes (x - mean) / sqrt(ss) into out[offset + t] for a series with no missing value whose plain sum
 * is `sum` (unit-norm centred rows: their Gram product is Pearson's r), and returns ss. The same
 * corrected two-pass sum of squares as centreInto, written as ss = sum(d^2) - (sum d)^2 / T (Chan,
 * Golub & LeVeque's form, with d = x - mean): WHY here, the deviations and their squares are summed in
 * one pass and the scaling folds into the second.
 */
export function standardizeCompleteInto(x: ArrayLike<number>, out: Float64Array, offset: number, sum: number): number {
  const T = x.length;
  const mean = sum / T;
  let sd = 0;
  let sdd = 0;
  for (let t = 0; t < T; t++) {
    const d = x[t] - mean;
    out[offset + t] = d;
    sd += d;
    sdd += d * d;
  }
  const correction = sd / T;
  const ss = sdd - sd * correction;
  const inv = 1 / Math.sqrt(ss);
  for (let t = offset, end = offset + T; t < end; t++) {
    out[t] = (out[t] - correction) * inv;
  }
  return ss;
}
