import type { BucketAggregation } from '../contract';

/**
 * Puts sorted samples into grid buckets [start + i*step, start + (i+1)*step).
 * 'mean' averages the finite samples of a bucket; 'last' keeps the latest finite sample (the value a
 * Prometheus instant query would see at the end of the bucket). Empty buckets stay NaN: missing data
 * is never invented here (filling is a separate, explicit policy).
 */
export function bucketize(
  t: Float64Array,
  v: Float64Array,
  start: number,
  stepMs: number,
  length: number,
  aggregation: BucketAggregation
): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  const counts = aggregation === 'mean' ? new Float64Array(length) : undefined;
  for (let i = 0; i < t.length; i++) {
    const x = v[i];
    if (!Number.isFinite(x)) {
      continue;
    }
    const b = Math.floor((t[i] - start) / stepMs);
    if (b < 0 || b >= length) {
      continue;
    }
    if (counts) {
      out[b] = counts[b] === 0 ? x : out[b] + x;
      counts[b]++;
    } else {
      out[b] = x;
    }
  }
  if (counts) {
    for (let b = 0; b < length; b++) {
      if (counts[b] > 1) {
        out[b] /= counts[b];
      }
    }
  }
  return out;
}
