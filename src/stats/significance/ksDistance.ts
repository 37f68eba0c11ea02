import { ksStatisticSorted } from '../drift/ks';

/** Largest share of one bucket left to insertion sort; larger parts go to the native sort. */
const INSERTION_LIMIT = 32;

/**
 * Exact two-sample Kolmogorov–Smirnov statistic D = sup_x |F_a(x) − F_b(x)| of two samples of finite
 * values in any order: the same double as ksStatisticSorted (drift/ks.ts) on the sorted samples, without
 * sorting them. NaN when a sample is empty.
 *
 * WHY: a compare tests every signal's values and first differences (two KS tests per signal), and
 * sorting both windows before merging them was a third of its time. Here both samples share n + m
 * buckets spread evenly between the joint minimum and maximum; each is ordered by bucket (a counting
 * pass and a scatter), and only buckets that hold values of both samples are sorted and merged. A
 * bucket with values of one sample only moves one CDF, so |F_a − F_b| inside it is largest at one of
 * its ends (|·| of a line): evaluating it at each bucket's end gives the same maximum. Equal values
 * always share a bucket, as (v − min)·scale is monotone in v under correct rounding.
 */
export function ksDistance(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    return NaN;
  }
  const [min, max] = range(b, range(a, [a[0], a[0]]));
  const buckets = n + m;
  const scale = (buckets - 1) / (max - min);
  if (!(max > min) || !Number.isFinite(max - min) || !Number.isFinite(scale)) {
    // One value throughout (D = 0), or a range the buckets cannot split: the sorted route.
    return ksStatisticSorted(a.slice().sort(), b.slice().sort());
  }
  const scratch = scratchFor(n, m);
  const startA = byBucket(a, min, scale, scratch.startA, scratch.sa);
  const startB = byBucket(b, min, scale, scratch.startB, scratch.sb);
  const { sa, sb } = scratch;
  let d = 0;
  let i = 0;
  let j = 0;
  for (let k = 0; k < buckets; k++) {
    const ea = k + 1 < buckets ? startA[k + 1] : n;
    const eb = k + 1 < buckets ? startB[k + 1] : m;
    if (ea > i && eb > j) {
      // Both samples in this bucket: order its two parts and merge them (ksStatisticSorted's steps).
      sortPart(sa, i, ea);
      sortPart(sb, j, eb);
      while (i < ea && j < eb) {
        const v = sa[i] <= sb[j] ? sa[i] : sb[j];
        while (i < ea && sa[i] <= v) {
          i++;
        }
        while (j < eb && sb[j] <= v) {
          j++;
        }
        d = Math.max(d, Math.abs(i / n - j / m));
      }
    }
    if (ea > i || eb > j) {
      i = ea;
      j = eb;
      d = Math.max(d, Math.abs(i / n - j / m));
    }
  }
  return d;
}

/** [min, max] of x and the range given. */
function range(x: Float64Array, [min, max]: [number, number]): [number, number] {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < min) {
      min = v;
    } else if (v > max) {
      max = v;
    }
  }
  return [min, max];
}

/**
 * Writes x ordered by bucket ((v − min)·scale, truncated; each bucket's values in input order) into
 * `out`, and each bucket's start into `start` (one per bucket), which it returns.
 */
function byBucket(x: Float64Array, min: number, scale: number, start: Int32Array, out: Float64Array): Int32Array {
  start.fill(0);
  for (let i = 0; i < x.length; i++) {
    start[((x[i] - min) * scale) | 0]++;
  }
  for (let k = 1; k < start.length; k++) {
    start[k] += start[k - 1];
  }
  // Scatter from the back, counting each bucket's end down to its start.
  for (let i = x.length - 1; i >= 0; i--) {
    const v = x[i];
    out[--start[((v - min) * scale) | 0]] = v;
  }
  return start;
}

/**
 * Working buffers kept between calls (views of the right length into them): a compare runs two tests
 * per signal on windows of about one length, and allocating typed arrays (each a backing store of its
 * own) cost as much as filling them.
 */
let capacity = { starts: new Int32Array(0), values: new Float64Array(0) };

function scratchFor(n: number, m: number) {
  if (capacity.values.length < n + m) {
    capacity = { starts: new Int32Array(2 * (n + m)), values: new Float64Array(n + m) };
  }
  const { starts, values } = capacity;
  return {
    startA: starts.subarray(0, n + m),
    startB: starts.subarray(n + m, 2 * (n + m)),
    sa: values.subarray(0, n),
    sb: values.subarray(n, n + m),
  };
}

/** Sorts x[lo..hi−1] ascending. */
function sortPart(x: Float64Array, lo: number, hi: number): void {
  if (hi - lo > INSERTION_LIMIT) {
    x.subarray(lo, hi).sort();
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = x[i];
    let k = i - 1;
    while (k >= lo && x[k] > v) {
      x[k + 1] = x[k];
      k--;
    }
    x[k + 1] = v;
  }
}
