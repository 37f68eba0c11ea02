/**
 * A copy of a sample without NaN, in input order (+-Infinity kept: they are ordered values).
 * WHY one pass that always writes and advances only past non-NaN values: no branch to mispredict and
 * no counting pass; the rare sample with NaN pays one more copy to trim.
 */
export function withoutNaN(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[m] = v;
    m += +!Number.isNaN(v);
  }
  return m === n ? out : out.slice(0, m);
}
