import { meanStd } from '../util/meanStd';

export interface ZScoreOptions {
  /**
   * What a series without spread (constant, or a single finite value) becomes. 'missing' (the
   * transform's default): it has no z-score, everything becomes NaN and the caller warns. 'zero':
   * every finite value is at the mean, so 0; the drill-down draws such a series as a flat line.
   */
  noSpread?: 'missing' | 'zero';
}

/**
 * Standard score (x - mean) / sd with the sample sd (ddof = 1). Non-finite values (missing) take no
 * part in the mean and sd and stay non-finite in the output.
 */
export function zScore(x: Float64Array, options: ZScoreOptions = {}): Float64Array {
  const { mean, std } = meanStd(x);
  const out = new Float64Array(x.length).fill(NaN);
  if (!(std > 0)) {
    if (options.noSpread === 'zero') {
      for (let i = 0; i < x.length; i++) {
        if (Number.isFinite(x[i])) {
          out[i] = 0;
        }
      }
    }
    return out;
  }
  for (let i = 0; i < x.length; i++) {
    out[i] = (x[i] - mean) / std;
  }
  return out;
}
