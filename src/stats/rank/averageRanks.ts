/**
 * Ranks 1..n of the finite values, ties getting the average of the ranks they span (the "average"
 * method of scipy.stats.rankdata, which Spearman's rho requires). Missing values keep NaN.
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(x[i])) {
      idx.push(i);
    }
  }
  idx.sort((a, b) => x[a] - x[b]);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && x[idx[j + 1]] === x[idx[i]]) {
      j++;
    }
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      out[idx[k]] = rank;
    }
    i = j + 1;
  }
  return out;
}
