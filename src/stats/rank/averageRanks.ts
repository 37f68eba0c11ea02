import { radixArgsort } from './radixArgsort';

/**
 * Ranks 1..n of the finite values, ties getting the average of the ranks they span (the "average"
 * method of scipy.stats.rankdata, which Spearman's rho requires). Missing values keep NaN.
 * Implementation: radix argsort of the finite values (radixArgsort.ts), then one walk over the order:
 * a tie block at sorted positions first..last (0-based) gets rank (first + last) / 2 + 1.
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
  const finite = new Float64Array(m);
  const where = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(x[i])) {
      finite[k] = x[i];
      where[k++] = i;
    }
  }
  const order = radixArgsort(finite);
  let first = 0;
  while (first < m) {
    const v = finite[order[first]];
    let end = first + 1;
    while (end < m && finite[order[end]] === v) {
      end++;
    }
    const rank = (first + end - 1) / 2 + 1;
    for (let s = first; s < end; s++) {
      out[where[order[s]]] = rank;
    }
    first = end;
  }
  return out;
}
