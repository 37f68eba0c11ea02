import { ksStatisticSorted } from '../drift/ks';

/** Most values one bucket may hold before the pooled sample is left to the native sort. */
const BUCKET_LIMIT = 32;

/**
 * Exact two-sample Kolmogorov–Smirnov statistic D = sup_x |F_a(x) − F_b(x)| of two samples of finite
 * values in any order: the same double as ksStatisticSorted (drift/ks.ts) on the sorted samples. NaN
 * when a sample is empty.
 *
 * WHY: a compare tests every signal's values and first differences (two KS tests per signal), and
 * sorting both windows natively before merging them was a third of its time. Here the pooled sample,
 * each value labelled with its sample, is bucket-sorted: n + m buckets spread evenly between the
 * minimum and the maximum, a counting pass, one scatter and an insertion sort that moves each value
 * only within its bucket (monitoring values spread smoothly, so buckets hold one or two values). One
 * walk then counts each sample's values up to every distinct value, with no data-dependent branch
 * between the samples, and takes |i/n − j/m| there, as the sorted merge does. Equal values always share
 * a bucket, as (v − min)·scale is monotone in v under correct rounding. Clustered values (a flat series
 * with one burst) fill a large bucket: those samples take the sorted route.
 */
export function ksDistance(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    return NaN;
  }
  const [min, max] = range(b, range(a, [a[0], a[0]]));
  const size = n + m;
  const scale = (size - 1) / (max - min);
  const pooled =
    max > min && Number.isFinite(max - min) && Number.isFinite(scale) ? bucketSorted(a, b, min, scale) : null;
  if (!pooled) {
    return ksStatisticSorted(a.slice().sort(), b.slice().sort());
  }
  const { values, fromB } = pooled;
  let d = 0;
  let i = 0;
  let j = 0;
  for (let p = 0; p < size; p++) {
    const inB = fromB[p];
    j += inB;
    i += 1 - inB;
    if (p + 1 === size || values[p + 1] !== values[p]) {
      d = Math.max(d, Math.abs(i / n - j / m));
    }
  }
  return d;
}

/** [min, max] of x and the range given (Math.min/max: no branch to mispredict, twice as fast here). */
function range(x: Float64Array, [min, max]: [number, number]): [number, number] {
  for (let i = 0; i < x.length; i++) {
    min = Math.min(min, x[i]);
    max = Math.max(max, x[i]);
  }
  return [min, max];
}

/**
 * a and b pooled and sorted ascending, with 1 where a value came from b; null when a bucket holds more
 * than BUCKET_LIMIT values (insertion sort would then be slow).
 */
function bucketSorted(
  a: Float64Array,
  b: Float64Array,
  min: number,
  scale: number
): { values: Float64Array; fromB: Uint8Array } | null {
  const n = a.length;
  const size = n + b.length;
  const { ends, bucket, values, fromB } = scratch(size);
  ends.fill(0);
  count(a, 0, min, scale, bucket, ends);
  count(b, n, min, scale, bucket, ends);
  let sum = 0;
  for (let k = 0; k < size; k++) {
    if (ends[k] > BUCKET_LIMIT) {
      return null;
    }
    sum += ends[k];
    ends[k] = sum;
  }
  // Scatter from the back, counting each bucket's end down to its start.
  scatter(b, n, 1, bucket, ends, values, fromB);
  scatter(a, 0, 0, bucket, ends, values, fromB);
  for (let i = 1; i < size; i++) {
    const v = values[i];
    if (values[i - 1] <= v) {
      continue;
    }
    const label = fromB[i];
    let k = i - 1;
    while (k >= 0 && values[k] > v) {
      values[k + 1] = values[k];
      fromB[k + 1] = fromB[k];
      k--;
    }
    values[k + 1] = v;
    fromB[k + 1] = label;
  }
  return { values, fromB };
}

/** The bucket of each x[i] (kept at bucket[offset + i]) and the count of every bucket. */
function count(x: Float64Array, offset: number, min: number, scale: number, bucket: Int32Array, ends: Int32Array) {
  for (let i = 0; i < x.length; i++) {
    const k = ((x[i] - min) * scale) | 0;
    bucket[offset + i] = k;
    ends[k]++;
  }
}

/** Places x's values, last first, at the end of their buckets, labelled `label`. */
function scatter(
  x: Float64Array,
  offset: number,
  label: number,
  bucket: Int32Array,
  ends: Int32Array,
  values: Float64Array,
  fromB: Uint8Array
) {
  for (let i = x.length - 1; i >= 0; i--) {
    const at = --ends[bucket[offset + i]];
    values[at] = x[i];
    fromB[at] = label;
  }
}

/**
 * Working buffers kept between calls (views of the right length into them): a compare runs two tests
 * per signal on windows of about one length, and allocating typed arrays (each a backing store of its
 * own) cost as much as filling them.
 */
let buffers = {
  ends: new Int32Array(0),
  bucket: new Int32Array(0),
  values: new Float64Array(0),
  fromB: new Uint8Array(0),
};

function scratch(size: number): typeof buffers {
  if (buffers.values.length < size) {
    buffers = {
      ends: new Int32Array(size),
      bucket: new Int32Array(size),
      values: new Float64Array(size),
      fromB: new Uint8Array(size),
    };
  }
  const { ends, bucket, values, fromB } = buffers;
  return {
    ends: ends.subarray(0, size),
    bucket: bucket.subarray(0, size),
    values: values.subarray(0, size),
    fromB: fromB.subarray(0, size),
  };
}
