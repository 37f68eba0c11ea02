import { RadixScratch, radixSortFloat64 } from '../util/radixSortFloat64';

/**
 * Buffers reused when ranking many series of similar length (spearmanMatrix ranks every series of a
 * matrix). WHY: allocating and zeroing the buffers for each series cost as much as sorting it.
 */
export class RankScratch {
  values = new Float64Array(0);
  positions = new Int32Array(0);
  readonly sort = new RadixScratch();

  /** Grows the buffers to hold at least n values (they never shrink). */
  reserve(n: number): void {
    if (this.values.length < n) {
      this.values = new Float64Array(n);
      this.positions = new Int32Array(n);
    }
  }
}

/**
 * The finite values of `x` ascending, each with its position in `x` (equal values in position order),
 * -0 read as +0 so that the two zeros tie. Radix sort (util/radixSortFloat64.ts). The arrays are views
 * of the scratch's buffers: valid until the scratch is used again.
 */
export function sortFinite(
  x: ArrayLike<number>,
  scratch: RankScratch
): { values: Float64Array; positions: Int32Array } {
  const n = x.length;
  scratch.reserve(n);
  const allValues = scratch.values;
  const allPositions = scratch.positions;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isFinite(v)) {
      allValues[m] = v === 0 ? 0 : v;
      allPositions[m++] = i;
    }
  }
  const values = allValues.subarray(0, m);
  const positions = allPositions.subarray(0, m);
  radixSortFloat64(values, positions, scratch.sort);
  return { values, positions };
}
