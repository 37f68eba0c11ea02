import type { AdjustMethod } from '../contract';
import { adjustPValues } from './adjustPValues';

/**
 * Multiple-testing adjustment over a symmetric N x N matrix of p-values: each pair is one test, so
 * the family is the upper triangle (`upper`, row-major, NaN elsewhere); the adjusted values are
 * mirrored to both cells.
 */
export function adjustMatrix(upper: Float64Array, N: number, method: AdjustMethod): Float64Array {
  const qUpper = adjustPValues(upper, method);
  const q = new Float64Array(N * N).fill(NaN);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      q[i * N + j] = q[j * N + i] = qUpper[i * N + j];
    }
  }
  return q;
}
