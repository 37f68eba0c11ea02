/** A copy of a sample without NaN, in input order (+-Infinity kept: they are ordered values). */
export function withoutNaN(values: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      m++;
    }
  }
  const out = new Float64Array(m);
  for (let i = 0, k = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      out[k++] = values[i];
    }
  }
  return out;
}
