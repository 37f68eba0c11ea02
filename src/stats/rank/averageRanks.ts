/**
 * Ranks 1..n of the finite values, ties getting the average of the ranks they span (the "average"
 * method of scipy.stats.rankdata, which Spearman's rho requires). Missing values keep NaN.
 * Implementation: native typed-array sort of the finite values, then for each value the first and
 * last positions of its tie block by binary search: rank = (first + last) / 2 + 1 (1-based).
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(x[i])) {
      m++;
    }
  }
  const sorted = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(x[i])) {
      sorted[k++] = x[i];
    }
  }
  sorted.sort();
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    // first index with sorted[idx] >= v
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const first = lo;
    hi = m;
    // first index with sorted[idx] > v
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    out[i] = (first + lo - 1) / 2 + 1;
  }
  return out;
}
