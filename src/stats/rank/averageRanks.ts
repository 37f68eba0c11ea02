import { RankScratch, sortFinite } from './sortFinite';

/**
 * Ranks 1..n of the finite values, ties getting the average of the ranks they span (the "average"
 * method of scipy.stats.rankdata, which Spearman's rho requires). Missing values keep NaN.
 * Implementation: the finite values sorted with their positions (sortFinite.ts), then one walk over
 * them gives a tie block at sorted positions first..last (0-based) the rank (first + last) / 2 + 1.
 * `scratch` lets a caller ranking many series reuse one set of buffers.
 */
export function averageRanks(x: ArrayLike<number>, scratch = new RankScratch()): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  const { values, positions } = sortFinite(x, scratch);
  const m = values.length;
  let first = 0;
  while (first < m) {
    const v = values[first];
    let end = first + 1;
    while (end < m && values[end] === v) {
      end++;
    }
    const rank = (first + end - 1) / 2 + 1;
    for (let s = first; s < end; s++) {
      out[positions[s]] = rank;
    }
    first = end;
  }
  return out;
}
