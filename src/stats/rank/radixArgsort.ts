import { RadixScratch, radixSortFloat64 } from '../util/radixSortFloat64';

/**
 * Stable argsort of doubles: the order of `values` ascending, equal values in index order (what a
 * stable comparator sort with `a - b` gives). -0 and +0 are one key (they compare equal). NaN is not
 * allowed: callers keep only the values they order.
 *
 * WHY radix (util/radixSortFloat64.ts): ranking and the FDR step-up order many thousands of doubles
 * per call, and the radix passes beat the native typed-array sort plus binary searches (and a
 * comparator sort by far).
 *
 * @example radixArgsort(Float64Array.of(3, 1, 2, 1)) // Int32Array [1, 3, 2, 0]
 */
export function radixArgsort(values: ArrayLike<number>, scratch?: RadixScratch): Int32Array {
  const n = values.length;
  const keys = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // -0 becomes +0 so that the two zeros tie (the sort orders -0 first, as the native sort does).
    keys[i] = v === 0 ? 0 : v;
    order[i] = i;
  }
  radixSortFloat64(keys, order, scratch);
  return order;
}
