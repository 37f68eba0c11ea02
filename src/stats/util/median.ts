/**
 * Median of a numeric array (copy-sorted). Used for step inference, where a robust centre is
 * wanted: a few scrape gaps must not change the inferred step.
 */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) {
    return NaN;
  }
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
