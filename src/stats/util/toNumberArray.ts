/**
 * Converts JSON-ish input (number[], Float64Array, nulls) into a Float64Array where null and
 * non-numbers become NaN. WHY: one dense representation lets every kernel use typed arrays.
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

/** Float64Array to a JSON-safe array: NaN and +-Infinity become null. */
export function toJsonArray(values: ArrayLike<number>): Array<number | null> {
  const out: Array<number | null> = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}
