import type { AdjustMethod } from '../contract';
import { adjustPValues } from './adjustPValues';
import { fromUpperTriangle, upperTriangle } from './symmetric';

/**
 * Multiple-testing adjustment over a symmetric N x N matrix of p-values: each pair is one test, so
 * the family is the upper triangle (`upper`, row-major, NaN where a pair has no p-value; the rest of
 * the matrix is not read); the adjusted values are mirrored to both cells, NaN on the diagonal.
 */
export function adjustMatrix(upper: Float64Array, N: number, method: AdjustMethod): Float64Array {
  return adjustTriangle(upperTriangle(upper, N), N, method);
}

/** adjustMatrix for a family already in upper-triangle order (symmetric.ts), e.g. from a pair loop. */
export function adjustTriangle(family: Float64Array, N: number, method: AdjustMethod): Float64Array {
  return fromUpperTriangle(adjustPValues(family, method), N);
}
