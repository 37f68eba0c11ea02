import type { Checkpoint } from '../util/cancel';

/**
 * Symmetric Gram matrix G = Z Z^T of `rows` row vectors of length `len` stored row-major in one
 * Float64Array, in plain JavaScript: the kernel wherever WebAssembly is unavailable, and for products
 * too small to be worth copying into WebAssembly memory (gramMatrix.ts chooses). With rows centred and
 * scaled to unit norm, G[i][j] is Pearson's r.
 *
 * WHY hand-written: a register-blocked 4x2 micro-kernel (8 accumulators, 6 loads per 8 multiply-adds)
 * keeps V8's scalar pipeline busy and reuses each loaded row value twice or four times; the bench
 * (bench/correlation.bench.ts) shows it against ml-matrix and a naive loop. Each product sum is taken
 * in the same order as a plain dot product, so G[i][j] and G[j][i] are bitwise equal.
 */
export function gramMatrixJs(
  z: Float64Array,
  rows: number,
  len: number,
  out: Float64Array,
  checkpoint?: Checkpoint
): void {
  const N = rows;
  const T = len;
  let i0 = 0;
  for (; i0 + 4 <= N; i0 += 4) {
    const a0 = i0 * T;
    const a1 = a0 + T;
    const a2 = a1 + T;
    const a3 = a2 + T;
    let j = i0;
    for (; j + 2 <= N; j += 2) {
      const b0 = j * T;
      const b1 = b0 + T;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let t = 0; t < T; t++) {
        const y0 = z[b0 + t];
        const y1 = z[b1 + t];
        const x0 = z[a0 + t];
        const x1 = z[a1 + t];
        const x2 = z[a2 + t];
        const x3 = z[a3 + t];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s30 += x3 * y0;
        s31 += x3 * y1;
      }
      store(out, N, i0, j, s00);
      store(out, N, i0, j + 1, s01);
      store(out, N, i0 + 1, j, s10);
      store(out, N, i0 + 1, j + 1, s11);
      store(out, N, i0 + 2, j, s20);
      store(out, N, i0 + 2, j + 1, s21);
      store(out, N, i0 + 3, j, s30);
      store(out, N, i0 + 3, j + 1, s31);
    }
    for (; j < N; j++) {
      for (let r = 0; r < 4; r++) {
        store(out, N, i0 + r, j, dot(z, (i0 + r) * T, j * T, T));
      }
    }
    checkpoint?.tick(4 * (N - i0));
  }
  for (let i = i0; i < N; i++) {
    for (let j = i; j < N; j++) {
      store(out, N, i, j, dot(z, i * T, j * T, T));
    }
  }
}

function store(out: Float64Array, N: number, i: number, j: number, v: number): void {
  out[i * N + j] = v;
  out[j * N + i] = v;
}

function dot(z: Float64Array, a: number, b: number, T: number): number {
  let s = 0;
  for (let t = 0; t < T; t++) {
    s += z[a + t] * z[b + t];
  }
  return s;
}
