/**
 * Missing values, one rule for the engine and everything that feeds it or reads it: inside the
 * engine and in the result's N x N matrices (typed arrays) a missing value is NaN; in JSON, the rest of
 * the contract and Grafana frames it is null. On the way in, null and undefined become NaN; on the way
 * out, NaN and +-Infinity become null (JSON) or NaN (a result's matrices).
 * WHY typed arrays inside: one dense representation lets every kernel run on Float64Arrays.
 */

/** One value out of the engine: a finite number, or null for missing (NaN, +-Infinity, null, undefined). */
export function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** One value into the engine: null and undefined become NaN, anything else goes through Number(). */
export function numberOrNaN(v: unknown): number {
  return v === null || v === undefined ? NaN : Number(v);
}

/**
 * Engine input (number[], Float64Array, nulls) as a Float64Array where null and non-numbers are NaN.
 * A Float64Array is returned as is (no copy: the engine never writes into its input).
 */
export function toFloat64(input: ArrayLike<number | null | undefined> | undefined): Float64Array {
  if (input === undefined || input === null) {
    return new Float64Array(0);
  }
  if (input instanceof Float64Array) {
    return input;
  }
  const out = new Float64Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const v = input[i];
    out[i] = typeof v === 'number' ? v : NaN;
  }
  return out;
}

/**
 * A fresh Float64Array from any array-like (e.g. a Grafana field's values), through numberOrNaN.
 * Always a copy: the result may be transferred to a worker without detaching the caller's buffer.
 */
export function copyToFloat64(values: ArrayLike<unknown>): Float64Array<ArrayBuffer> {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = numberOrNaN(values[i]);
  }
  return out;
}

/** Engine values out to JSON: NaN and +-Infinity become null. */
export function toJsonArray(values: ArrayLike<number>): Array<number | null> {
  const out: Array<number | null> = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}

/**
 * A result matrix as the contract states it (FlatMatrix): in place, +-Infinity becomes NaN, so a cell
 * is a finite number or NaN. Returns the same array (no copy: at 1000 signals a matrix is 8 MB).
 */
export function asFlatMatrix(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) {
    if (values[i] === Infinity || values[i] === -Infinity) {
      values[i] = NaN;
    }
  }
  return values;
}
