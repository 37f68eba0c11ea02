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

/**
 * A sample whose values are dealt into buckets, with the buckets of the wanted ranks sorted.
 * Build it with `partialOrder`.
 */
export class PartialOrder {
  constructor(
    /** Number of values (NaN excluded). */
    readonly size: number,
    private readonly sample: ArrayLike<number>,
    private readonly bucketing: { min: number; max: number; scale: number },
    /** Each value's bucket, -1 for NaN. */
    private readonly keys: Int32Array,
    /** starts[b]: how many values lie in the buckets below b. */
    private readonly starts: Int32Array,
    /** Where each wanted bucket begins in `gathered` (-1 for the others) and where it ends. */
    private readonly from: Int32Array,
    private readonly end: Int32Array,
    /** The values of the wanted buckets, bucket after bucket, each sorted. */
    private readonly gathered: Float64Array
  ) {}

  /** The value of 0-based rank r in ascending order; r must be one of the wanted ranks. */
  at(r: number): number {
    const b = bucketOfRank(this.starts, r);
    return this.gathered[this.from[b] + r - this.starts[b]];
  }

  /**
   * Number of values <= x. Fast for x from at(r) to at(r + 1) with both r and r + 1 wanted (or x =
   * at(r)): the buckets strictly between theirs are empty; any other x costs a pass over the values.
   */
  countAtMost(x: number): number {
    const { min, max } = this.bucketing;
    if (x < min) {
      return 0;
    }
    if (x >= max) {
      return this.size;
    }
    const b = bucketOf(x, this.bucketing);
    const below = this.starts[b];
    if (this.from[b] >= 0) {
      return below + upperBound(this.gathered, x, this.from[b], this.end[b]) - this.from[b];
    }
    let inBucket = 0;
    for (let i = 0; this.starts[b + 1] > below && i < this.sample.length; i++) {
      inBucket += +(this.keys[i] === b && this.sample[i] <= x);
    }
    return below + inBucket;
  }
}

/** The bucket of v: the key rule of the module doc. */
function bucketOf(v: number, { min, scale }: { min: number; scale: number }): number {
  return ((v - min) * scale) | 0;
}

/** The bucket holding the value of rank r: the last b with starts[b] <= r. */
function bucketOfRank(starts: Int32Array, r: number): number {
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
}

/** Count, smallest and largest of the values without NaN. */
function rangeWithoutNaN(values: ArrayLike<number>): { size: number; min: number; max: number } {
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
  return { size, min, max };
}

/** Fills each value's bucket (-1 for NaN) and the bucket counts, at starts[b + 1]. */
function dealIntoBuckets(
  values: ArrayLike<number>,
  bucketing: { min: number; scale: number },
  keys: Int32Array,
  starts: Int32Array
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const k = Number.isNaN(v) ? -1 : bucketOf(v, bucketing);
    keys[i] = k;
    starts[k + 1] += +(k >= 0);
  }
}

/** Copies the values of the wanted buckets (next[b] >= 0) to next[b]++ in `gathered`. */
function gather(values: ArrayLike<number>, keys: Int32Array, next: Int32Array, gathered: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const k = keys[i];
    if (k >= 0 && next[k] >= 0) {
      gathered[next[k]++] = values[i];
    }
  }
}

/**
 * The partial order of `values` (NaN skipped) that can answer `at` for the ranks `wantedRanks(size)`
 * returns. Null when the values cannot be bucketed (none or all equal, an infinity, a range that
 * overflows or is subnormal): sort those instead.
 * WHY small functions for the passes: each is compiled by the optimizing compiler after a few calls,
 * where one large function stayed slow for the first twenty.
 *
 * @example partialOrder([5, 1, 4, 2, 3], () => [2])!.at(2) // 3
 */
export function partialOrder(
  values: ArrayLike<number>,
  wantedRanks: (size: number) => ArrayLike<number>
): PartialOrder | null {
  const { size, min, max } = rangeWithoutNaN(values);
  const scale = (BUCKETS - 1) / (max - min);
  if (!(scale > 0 && scale < Infinity)) {
    return null;
  }
  const bucketing = { min, max, scale };
  const keys = new Int32Array(values.length);
  const starts = new Int32Array(BUCKETS + 1);
  dealIntoBuckets(values, bucketing, keys, starts);
  for (let b = 0; b < BUCKETS; b++) {
    starts[b + 1] += starts[b];
  }
  const from = new Int32Array(BUCKETS).fill(-1);
  let gatheredSize = 0;
  for (const r of Array.from(wantedRanks(size))) {
    const b = bucketOfRank(starts, r);
    if (from[b] < 0) {
      from[b] = gatheredSize;
      gatheredSize += starts[b + 1] - starts[b];
    }
  }
  const gathered = new Float64Array(gatheredSize);
  const end = from.slice();
  gather(values, keys, end, gathered);
  for (let b = 0; b < BUCKETS; b++) {
    if (from[b] >= 0) {
      gathered.subarray(from[b], end[b]).sort();
    }
  }
  return new PartialOrder(size, values, bucketing, keys, starts, from, end, gathered);
}
