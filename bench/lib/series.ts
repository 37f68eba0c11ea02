/** Seeded benchmark inputs shared by the bench modules, so every run (and every process) sees the same bytes. */
import { Matrix } from 'ml-matrix';
import { seeded } from './timing';

/** N random-walk-plus-noise series of length T (correlated in groups, like real metrics). */
export function makeSeries(N: number, T: number, seed: number): Float64Array[] {
  const u = seeded(seed);
  const factors = Array.from({ length: 5 }, () => {
    let x = 0;
    return Float64Array.from({ length: T }, () => (x = 0.95 * x + u() - 0.5));
  });
  return Array.from({ length: N }, (_, i) =>
    Float64Array.from({ length: T }, (_, t) => factors[i % 5][t] * (1 + (i % 3)) + u())
  );
}

/** n draws of a normal(mean, sd) sample (Box-Muller on the seeded uniform). */
export function normalSample(n: number, mean: number, sd: number, seed: number): Float64Array {
  const u = seeded(seed);
  return Float64Array.from(
    { length: n },
    () => mean + sd * Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u())
  );
}

/** ml-matrix expects observations in rows, variables in columns. */
export function toMlMatrix(series: Float64Array[]): Matrix {
  const T = series[0].length;
  const m = new Matrix(T, series.length);
  series.forEach((s, j) => {
    for (let t = 0; t < T; t++) {
      m.set(t, j, s[t]);
    }
  });
  return m;
}

/** Largest |a[i] - b[i]|; NaN in both counts as equal, NaN in one only (or a length mismatch) as Infinity. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    return Infinity;
  }
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (Number.isNaN(x) || Number.isNaN(y)) {
      d = Number.isNaN(x) && Number.isNaN(y) ? d : Infinity;
    } else {
      d = Math.max(d, Math.abs(x - y));
    }
  }
  return d;
}
