/** Below this length a range is finished by the native sort instead of more partitioning. */
const SMALL = 32;

/**
 * Partially orders `a` in place so that a[r] holds the r-th smallest value (0-based, as in a sorted
 * copy) for every r in `ranks` (ascending, distinct, within 0..a.length-1). NaN is not allowed.
 * Multi-quickselect: a Hoare partition around a median-of-three pivot, then only the sides that
 * hold a wanted rank are visited: O(n log k) for k ranks, against O(n log n) for a full sort. After
 * 2 log2(n) levels a range is sorted outright, so adversarial input cannot make it quadratic.
 *
 * WHY: quantile bin edges need a handful of order statistics, not the whole order (drift/psi.ts).
 *
 * @example const a = Float64Array.of(5, 1, 4, 2, 3); selectRanks(a, [2]); a[2] // 3
 */
export function selectRanks(a: Float64Array, ranks: ArrayLike<number>): void {
  select(a, ranks, 0, a.length - 1, 0, ranks.length - 1, 2 * Math.ceil(Math.log2(a.length + 1)));
}

function select(
  a: Float64Array,
  ranks: ArrayLike<number>,
  lo: number,
  hi: number,
  rLo: number,
  rHi: number,
  depth: number
): void {
  while (rLo <= rHi && lo < hi) {
    if (hi - lo < SMALL || depth-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
    // Hoare partition: afterwards [lo, j] <= pivot <= [j + 1, hi], both sides non-empty.
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do {
        i++;
      } while (a[i] < pivot);
      do {
        j--;
      } while (a[j] > pivot);
      if (i >= j) {
        break;
      }
      const v = a[i];
      a[i] = a[j];
      a[j] = v;
    }
    // Ranks up to j lie on the left: visit it by recursion, the right side by the loop.
    let firstRight = rLo;
    while (firstRight <= rHi && ranks[firstRight] <= j) {
      firstRight++;
    }
    if (firstRight > rLo) {
      select(a, ranks, lo, j, rLo, firstRight - 1, depth);
    }
    lo = j + 1;
    rLo = firstRight;
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  return x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
}
