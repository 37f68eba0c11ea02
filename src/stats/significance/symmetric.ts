/**
 * The layout of a symmetric N x N result matrix (flat, row-major, cell i*N + j): the pair loops compute
 * the upper triangle (i < j) once and these helpers give the lower triangle and the diagonal.
 */

/** The upper cell of pair (i, j): where the pair loops compute it, whichever order i and j come in. */
export function upperCell(i: number, j: number, N: number): number {
  return i < j ? i * N + j : j * N + i;
}

/** Tile edge of the mirror copy: a tile's rows and columns (2 x 32 x 32 doubles) stay in the L1 cache. */
const TILE = 32;

/**
 * Copies the upper triangle of `m` onto the lower one, in place, and sets the diagonal to `diagonal`.
 * WHY tiles: the lower cell (j, i) of a row-major walk over the upper triangle is one cache line per
 * value; walked tile by tile, each line fetched for the lower triangle is filled before it is evicted.
 */
export function mirrorUpper(m: Float64Array, N: number, diagonal = NaN): Float64Array {
  for (let ib = 0; ib < N; ib += TILE) {
    const iEnd = Math.min(ib + TILE, N);
    for (let jb = ib; jb < N; jb += TILE) {
      const jEnd = Math.min(jb + TILE, N);
      for (let i = ib; i < iEnd; i++) {
        for (let j = Math.max(jb, i + 1); j < jEnd; j++) {
          m[j * N + i] = m[i * N + j];
        }
      }
    }
  }
  for (let i = 0; i < N; i++) {
    m[i * N + i] = diagonal;
  }
  return m;
}

/** The upper triangle of `m` (pairs i < j, row-major) as one array of N(N-1)/2 values. */
export function upperTriangle(m: ArrayLike<number>, N: number): Float64Array {
  const out = new Float64Array((N * (N - 1)) / 2);
  for (let i = 0, k = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      out[k++] = m[i * N + j];
    }
  }
  return out;
}

/** The symmetric N x N matrix whose upper triangle is `tri` (upperTriangle's order), NaN on the diagonal. */
export function fromUpperTriangle(tri: ArrayLike<number>, N: number): Float64Array {
  const m = new Float64Array(N * N);
  for (let i = 0, k = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      m[i * N + j] = tri[k++];
    }
  }
  return mirrorUpper(m, N);
}
