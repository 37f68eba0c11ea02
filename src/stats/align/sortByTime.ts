export interface SortedSeries {
  t: Float64Array;
  v: Float64Array;
  unsorted: boolean;
  duplicates: number;
}

/**
 * Stable sort of (timestamp, value) pairs by timestamp. Stability matters: for duplicate timestamps
 * the 'last' aggregation must return the value that came last in the input, as Prometheus/pandas
 * users expect. Also counts duplicate timestamps for a warning.
 */
export function sortByTime(t: Float64Array, v: Float64Array): SortedSeries {
  const n = t.length;
  let unsorted = false;
  for (let i = 1; i < n; i++) {
    if (t[i] < t[i - 1]) {
      unsorted = true;
      break;
    }
  }
  let ts = t;
  let vs = v;
  if (unsorted) {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => t[a] - t[b] || a - b);
    ts = new Float64Array(n);
    vs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ts[i] = t[idx[i]];
      vs[i] = v[idx[i]];
    }
  }
  let duplicates = 0;
  for (let i = 1; i < n; i++) {
    if (ts[i] === ts[i - 1]) {
      duplicates++;
    }
  }
  return { t: ts, v: vs, unsorted, duplicates };
}
