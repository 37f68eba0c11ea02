/**
 * A few order statistics of a sample without sorting it: the values are dealt into buckets by a
 * linear key over [min, max] (one counting pass), and only the buckets that hold a wanted rank are
 * gathered and sorted. O(n) plus the sort of those few buckets, against O(n) radix passes over every
 * value for a full sort.
 *
 * WHY: quantile bin edges (drift/psi.ts) need two order statistics per edge and the number of values
 * at or below each edge, not the whole order; at 10^5 values this is about three times faster than
 * the radix sort.
 *
 * Exactness: the key floor((v - min) * (B - 1) / (max - min)) never decreases as v grows (the
 * subtraction and product round monotonically), so a value in a lower bucket is smaller than every
 * value in a higher one; the order statistic read from a sorted bucket is the one a full sort gives.
 */

import { upperBound } from './sortedSearch';

/** Buckets of the key: at 10^5 normal values the busiest holds about 100. */
const BUCKETS = 4096;

export interface PartialOrder {
  /** Number of values (NaN excluded). */
  size: number;
  /** The value of 0-based rank r in ascending order; r must be one of the wanted ranks. */
  at(r: number): number;
  /**
   * Number of values <= x. Fast for x from at(r) to at(r + 1) with both r and r + 1 wanted (or x =
   * at(r)): the buckets strictly between theirs are empty; any other x costs a pass over the values.
   */
  countAtMost(x: number): number;
}

/**
 * The partial order of `values` (NaN skipped) that can answer `at` for the ranks `wantedRanks(size)`
 * returns. Null when the values cannot be bucketed (none or all equal, an infinity, a range that
 * overflows or is subnormal): sort those instead.
 *
 * @example partialOrder([5, 1, 4, 2, 3], () => [2])!.at(2) // 3
 */
export function partialOrder(
  values: ArrayLike<number>,
  wantedRanks: (size: number) => ArrayLike<number>
): PartialOrder | null {
  let size = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      size++;
      min = v < min ? v : min;
      max = v > max ? v : max;
    }
  }
  const scale = (BUCKETS - 1) / (max - min);
  if (!(scale > 0 && scale < Infinity)) {
    return null;
  }
  const bucketOf = (v: number) => ((v - min) * scale) | 0;
  // starts[b]: how many values lie in the buckets below b.
  const starts = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      starts[bucketOf(v) + 1]++;
    }
  }
  for (let b = 0; b < BUCKETS; b++) {
    starts[b + 1] += starts[b];
  }
  const bucketOfRank = (r: number) => {
    let lo = 0;
    let hi = BUCKETS - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= r) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  };
  // The wanted buckets are gathered one after the other; `from[b]` is where bucket b starts there.
  const from = new Int32Array(BUCKETS).fill(-1);
  let gatheredSize = 0;
  for (const r of Array.from(wantedRanks(size))) {
    const b = bucketOfRank(r);
    if (from[b] < 0) {
      from[b] = gatheredSize;
      gatheredSize += starts[b + 1] - starts[b];
    }
  }
  const gathered = new Float64Array(gatheredSize);
  const next = from.slice();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      const b = bucketOf(v);
      if (next[b] >= 0) {
        gathered[next[b]++] = v;
      }
    }
  }
  for (let b = 0; b < BUCKETS; b++) {
    if (from[b] >= 0) {
      gathered.subarray(from[b], next[b]).sort();
    }
  }
  // Outside the documented use an unsorted bucket can hold values; they are counted by a pass.
  const countInBucketAtMost = (b: number, x: number) => {
    let count = 0;
    for (let i = 0; starts[b + 1] > starts[b] && i < values.length; i++) {
      const v = values[i];
      count += Number(v <= x && bucketOf(v) === b);
    }
    return count;
  };
  return {
    size,
    at: (r) => {
      const b = bucketOfRank(r);
      return gathered[from[b] + r - starts[b]];
    },
    countAtMost: (x) => {
      if (x < min) {
        return 0;
      }
      if (x >= max) {
        return size;
      }
      const b = bucketOf(x);
      if (from[b] < 0) {
        return starts[b] + countInBucketAtMost(b, x);
      }
      return starts[b] + upperBound(gathered, x, from[b], next[b]) - from[b];
    },
  };
}
