export interface LogResult {
  values: Float64Array;
  nonPositive: number;
}

/**
 * Natural log of (x + offset). Non-positive arguments have no log and become missing (counted so the
 * caller can warn) rather than -Infinity, which would poison every sum downstream.
 */
export function logTransform(x: Float64Array, offset = 0): LogResult {
  const out = new Float64Array(x.length).fill(NaN);
  let nonPositive = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] + offset;
    if (a > 0) {
      out[i] = Math.log(a);
    } else if (!Number.isNaN(a)) {
      nonPositive++;
    }
  }
  return { values: out, nonPositive };
}
