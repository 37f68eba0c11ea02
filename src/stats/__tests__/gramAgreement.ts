import { gramMatrixJs } from '../correlation/gramMatrixJs';
import { gramMatrixWasm } from '../correlation/gramMatrixWasm';
import { rowsOf } from '../correlation/gramRequest';
import { pearsonMatrix } from '../correlation/pearsonMatrix';
import { pearsonPair } from '../correlation/pearsonPair';
import type { GramExports } from '../correlation/wasm/gramKernel';

/** Rows of seeded noise, centred and scaled to unit norm as pearsonMatrix feeds the Gram kernels. */
export function unitRows(rows: number, len: number, seed: number): Float64Array {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const z = new Float64Array(rows * len);
  for (let i = 0; i < rows; i++) {
    const row = z.subarray(i * len, (i + 1) * len);
    for (let t = 0; t < len; t++) {
      row[t] = rand() + (i % 3) * Math.sin(t / 7);
    }
    const mean = row.reduce((a, b) => a + b, 0) / len;
    row.forEach((v, t) => (row[t] = v - mean));
    const norm = Math.sqrt(row.reduce((a, b) => a + b * b, 0)) || 1;
    row.forEach((v, t) => (row[t] = v / norm));
  }
  return z;
}

export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let k = 0; k < a.length; k++) {
    d = Math.max(d, Number.isNaN(a[k]) && Number.isNaN(b[k]) ? 0 : Math.abs(a[k] - b[k]));
  }
  return Number.isNaN(d) ? Infinity : d;
}

/** How a WebAssembly Gram matrix compares with the JS kernel's on the same rows. */
export interface GramAgreement {
  rows: number;
  len: number;
  /** gramMatrixWasm's answer (false: memory could not grow). */
  ran: boolean;
  maxDiff: number;
  /** G[i][j] and G[j][i] bitwise equal everywhere. */
  symmetric: boolean;
}

export function gramAgreement(kernel: GramExports, rows: number, len: number, seed: number): GramAgreement {
  const z = unitRows(rows, len, seed);
  const js = new Float64Array(rows * rows);
  const wasm = new Float64Array(rows * rows).fill(NaN);
  gramMatrixJs(z, rows, len, js);
  const ran = gramMatrixWasm(kernel, { rows, len, writeRow: rowsOf(z, len), out: wasm }) === 'done';
  let symmetric = true;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < rows; j++) {
      symmetric &&= Object.is(wasm[i * rows + j], wasm[j * rows + i]);
    }
  }
  return { rows, len, ran, maxDiff: maxDiff(js, wasm), symmetric };
}

/** In a jest test: ran, bitwise symmetric, and within rounding of the JS kernel. */
export function expectAgrees(a: GramAgreement): void {
  expect(a).toMatchObject({ ran: true, symmetric: true });
  expect(a.maxDiff).toBeLessThanOrEqual(1e-12);
}

/** Shapes at the kernel's edges: one to three rows (a partial panel), one or two steps, odd lengths. */
export const AWKWARD_SHAPES: Array<[number, number]> = [
  [1, 1],
  [1, 2],
  [2, 1],
  [2, 3],
  [3, 1],
  [3, 7],
  [4, 1],
  [5, 2],
  [7, 129],
  [9, 4099],
];

/**
 * pearsonMatrix on series with missing values, a constant series and enough work for the WebAssembly
 * kernel, against the exact pairwise formula (pearsonPair) on every pair: the greatest difference in r.
 */
export function pearsonWithGapsAgreement(): number {
  const N = 53;
  const T = 1001;
  const z = unitRows(N, T, 77);
  const series = Array.from({ length: N }, (_, i) => Float64Array.from(z.subarray(i * T, (i + 1) * T)));
  series[4][10] = NaN;
  series[17].fill(NaN, 0, 500);
  series[30].fill(2.5);
  const m = pearsonMatrix(series, 3);
  let d = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      d = Math.max(d, maxDiff([m.r[i * N + j]], [pearsonPair(series[i], series[j], 3).r]));
    }
  }
  return d;
}
