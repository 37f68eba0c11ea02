import type { LagNormalization } from '../contract';
import { centreInto } from '../util/centre';
import { directCrossSum, type CrossSumSource } from './directCrossSum';

/** A series prepared once for many cross-correlations: demeaned with missing values set to 0. */
export interface LagSeries {
  centred: Float64Array;
  /** 1 where the value is finite, 0 otherwise; null when nothing is missing. */
  mask: Float64Array | null;
  count: number;
  /** Sum of squared deviations over the finite values. */
  ss: number;
}

/**
 * Demeans a series over its finite values and zero-fills missing ones (they add nothing to sums), into
 * `centred` when given (a view of one block for many series: one allocation instead of one each).
 */
export function prepareLagSeries(x: Float64Array, centred = new Float64Array(x.length)): LagSeries {
  const T = x.length;
  const { count, ss } = centreInto(x, centred);
  let mask: Float64Array | null = null;
  if (count < T) {
    mask = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      mask[t] = Number.isFinite(x[t]) ? 1 : 0;
    }
  }
  return { centred, mask, count, ss };
}

/**
 * Normalised cross-correlation r(k) = corr(A[t], B[t+k]) for k = -maxLag..maxLag (index k + maxLag).
 * Positive k: A leads B.
 *
 * Normalisation follows statsmodels.tsa.stattools.ccf / np.correlate with global means and standard
 * deviations: 'biased' r(k) = S(k) / sqrt(SS_A SS_B) (statsmodels adjusted=False; |r| <= 1 by
 * Cauchy-Schwarz), 'adjusted' r(k) = [S(k) / n_k] / (sd_A sd_B) with n_k the number of overlapping
 * finite pairs (statsmodels adjusted=True, n_k = T - |k| without missing data). In statsmodels terms,
 * r(k) = ccf(B, A)[k] and r(-k) = ccf(A, B)[k]. The sums come from `source` (the FFT, or a set of series
 * kept in the kernel) when given, else from directCrossSum.
 */
export function crossCorrelation(
  a: LagSeries,
  b: LagSeries,
  maxLag: number,
  normalization: LagNormalization,
  source: CrossSumSource | null,
  out = new Float64Array(2 * maxLag + 1)
): Float64Array {
  // The sums are normalised in place: `out` holds S(k) first.
  const sums = source ? source.crossSums(a.centred, b.centred, out) : directCrossSum(a.centred, b.centred, maxLag, out);
  const T = a.centred.length;
  if (normalization === 'biased') {
    const den = Math.sqrt(a.ss * b.ss);
    for (let i = 0; i < sums.length; i++) {
      sums[i] /= den;
    }
    return sums;
  }
  const den = Math.sqrt((a.ss / a.count) * (b.ss / b.count));
  let overlap: Float64Array | null = null;
  if (a.mask || b.mask) {
    const ma = a.mask ?? new Float64Array(T).fill(1);
    const mb = b.mask ?? new Float64Array(T).fill(1);
    overlap = source ? source.crossSums(ma, mb) : directCrossSum(ma, mb, maxLag);
    // A ones-array made for this pair only must not stay in the FFT's spectrum cache.
    if (!a.mask) {
      source?.forget(ma);
    }
    if (!b.mask) {
      source?.forget(mb);
    }
  }
  for (let k = -maxLag; k <= maxLag; k++) {
    const nk = overlap ? Math.round(overlap[k + maxLag]) : T - Math.abs(k);
    out[k + maxLag] = nk > 0 ? sums[k + maxLag] / nk / den : NaN;
  }
  return out;
}
