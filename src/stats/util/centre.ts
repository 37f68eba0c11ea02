import { centreByKernel } from './centreWasm';
import { finitePrefix } from './finitePrefix';

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

/**
 * Running sums per pass over a complete series (the first pass is finitePrefix's, in four lanes too).
 * WHY several: one running sum waits on its own previous addition at every value; with four side by
 * side, centring a series of 1,440 values measured about a quarter less time. The sums round differently
 * from one running sum (by an ulp or so of the mean), which the correction pass of the two-pass form
 * absorbs.
 */
const LANES = 4;

/** Shortest series centred by the kernel (centreWasm.ts): below it, calling it costs more than it saves. */
const KERNEL_MIN = 64;

/** Writes x - mean(x) into out[offset + t] for finite x[t] and 0 for missing ones. */
export function centreInto(x: ArrayLike<number>, out: Float64Array, offset = 0): Centred {
  const T = x.length;
  // A long series with no missing value: the kernel gives centreComplete's doubles.
  const byKernel = T >= KERNEL_MIN && x instanceof Float64Array ? centreByKernel(x, out, offset) : null;
  if (byKernel) {
    return byKernel;
  }
  // The finite run from the start (all of a complete series) in four lanes, then whatever follows a gap.
  let { n: count, sum: s } = finitePrefix(x, false);
  for (let t = count; t < T; t++) {
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
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let t = 0;
  for (; t + LANES <= T; t += LANES) {
    const a = (out[offset + t] = x[t] - mean);
    const b = (out[offset + t + 1] = x[t + 1] - mean);
    const c = (out[offset + t + 2] = x[t + 2] - mean);
    const d = (out[offset + t + 3] = x[t + 3] - mean);
    d0 += a;
    d1 += b;
    d2 += c;
    d3 += d;
  }
  for (; t < T; t++) {
    d0 += out[offset + t] = x[t] - mean;
  }
  const correction = (d0 + d1 + (d2 + d3)) / T;
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  let q3 = 0;
  for (t = 0; t + LANES <= T; t += LANES) {
    const a = (out[offset + t] -= correction);
    const b = (out[offset + t + 1] -= correction);
    const c = (out[offset + t + 2] -= correction);
    const d = (out[offset + t + 3] -= correction);
    q0 += a * a;
    q1 += b * b;
    q2 += c * c;
    q3 += d * d;
  }
  for (; t < T; t++) {
    const a = (out[offset + t] -= correction);
    q0 += a * a;
  }
  return { count: T, ss: q0 + q1 + (q2 + q3) };
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
