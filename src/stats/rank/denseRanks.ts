/**
 * Dense integer ranks 0..u-1 of the finite values (equal values share a rank), -1 for missing.
 * WHY: Kendall's tau only needs the order, and integer ranks let a pair be sorted with one numeric key
 * (xRank * u + yRank) by the fast native typed-array sort instead of a comparator.
 */
export function denseRanks(x: ArrayLike<number>): { ranks: Int32Array; unique: number } {
  const n = x.length;
  const ranks = new Int32Array(n).fill(-1);
  const finite: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(x[i])) {
      finite.push(x[i]);
    }
  }
  const sorted = Float64Array.from(finite).sort();
  const uniq: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      uniq.push(sorted[i]);
    }
  }
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    let lo = 0;
    let hi = uniq.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (uniq[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    ranks[i] = lo;
  }
  return { ranks, unique: uniq.length };
}
