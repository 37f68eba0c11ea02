import { meanStd } from '../util/meanStd';

/**
 * Standard score (x - mean) / sd with the sample sd (ddof = 1), ignoring missing values.
 * A constant series has no z-score: everything becomes missing (the caller warns).
 */
export function zScore(x: Float64Array): Float64Array {
  const { mean, std } = meanStd(x);
  const out = new Float64Array(x.length).fill(NaN);
  if (!(std > 0)) {
    return out;
  }
  for (let i = 0; i < x.length; i++) {
    out[i] = (x[i] - mean) / std;
  }
  return out;
}
