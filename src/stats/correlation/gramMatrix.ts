import type { GramKernelKind } from '../contract';
import type { Checkpoint } from '../util/cancel';
import { gramMatrixJs } from './gramMatrixJs';
import { rowsOf, type GramRequest } from './gramRequest';
import { gramMatrixWasm } from './gramMatrixWasm';
import { standardizeCompleteInto } from '../util/centre';
import { gramKernel } from './wasm/gramKernel';

/**
 * Multiply-adds (rows*(rows+1)/2*len) from which the WebAssembly kernel is used. WHY a floor: below it
 * the JS kernel takes well under a millisecond and copying rows into WebAssembly memory (and growing
 * it) would be most of the work; it is also the size from which a missing kernel is worth a notice.
 */
export const WASM_MIN_WORK = 1 << 20;

/** Which kernel computed a Gram matrix; `fallback` says why not WebAssembly when it was wanted. */
export interface GramOutcome {
  /** The WebAssembly build (relaxed-simd: fused multiply-adds), or the JS kernel. */
  kernel: GramKernelKind;
  fallback: string | null;
  /** Threads that computed it: 2 when a helper worker took part of it (gramSplit.ts). */
  workers: 1 | 2;
  /** The rows*rows product: the request's `out`, or the new array it went into. */
  product: Float64Array;
  /** Set when `rowSum` rejected a row: nothing was computed. */
  rejected?: true;
}

/** The outcome of a product whose `rowSum` rejected a row. */
export function rejectedProduct(out: Float64Array): GramOutcome {
  return { kernel: 'js', fallback: null, workers: 1, product: out, rejected: true };
}

/**
 * Symmetric Gram matrix G = Z Z^T of `rows` unit-norm centred rows of length `len` (row-major in `z`)
 * into `out` (rows*rows): the WebAssembly kernel (relaxed SIMD where the engine has it, else SIMD) when it
 * is available and the product is big enough to matter, the JS kernel otherwise. Both agree to rounding (1e-12, tests/unit property test).
 */
export function gramMatrix(
  z: Float64Array,
  rows: number,
  len: number,
  out: Float64Array,
  checkpoint?: Checkpoint
): GramOutcome {
  return gramMatrixOf({ rows, len, writeRow: rowsOf(z, len), out, checkpoint });
}

/**
 * gramMatrix for rows that the caller writes one at a time (gramRequest.ts). WHY: the WebAssembly kernel
 * reads its rows from its own memory in its own layout, so rows written one by one (each fresh in the
 * cache) skip an N*T array and its copy (40 MB at 500 series of a week at one minute).
 */
export function gramMatrixOf(request: GramRequest): GramOutcome {
  const { rows, len, checkpoint } = request;
  const out = request.out ?? new Float64Array(rows * rows);
  const small = (rows * (rows + 1) * len) / 2 < WASM_MIN_WORK;
  const kernel = small ? null : gramKernel();
  if (kernel?.exports) {
    const done = gramMatrixWasm(kernel.exports, { ...request, out });
    if (done !== 'no memory') {
      return done === 'rejected'
        ? rejectedProduct(out)
        : { kernel: kernel.name, fallback: null, workers: 1, product: out };
    }
  }
  const z = rowsInJs(request);
  if (!z) {
    return rejectedProduct(out);
  }
  request.alongside?.();
  gramMatrixJs(z, rows, len, out, checkpoint);
  if (request.rowSum) {
    asCorrelation(out, rows);
  }
  const fallback = !kernel
    ? null
    : (kernel.unavailable ?? `WebAssembly memory cannot hold ${rows} series of ${len} points`);
  return { kernel: 'js', fallback, workers: 1, product: out };
}

/**
 * The request's rows, row-major, as the JS kernel reads them: centred and scaled when it gives sums. Null
 * when `rowSum` rejects a row.
 */
function rowsInJs({ rows, len, writeRow, rowSum }: GramRequest): Float64Array | null {
  const z = new Float64Array(rows * len);
  for (let i = 0; i < rows; i++) {
    const sum = rowSum?.(i);
    if (Number.isNaN(sum)) {
      return null;
    }
    writeRow(i, z, i * len);
    if (sum !== undefined) {
      standardizeCompleteInto(z.subarray(i * len, (i + 1) * len), z, i * len, sum);
    }
  }
  return z;
}

/** Pearson's r from the Gram matrix of unit rows, as the WebAssembly kernel's `finish` makes it. */
function asCorrelation(g: Float64Array, rows: number): void {
  for (let k = 0; k < rows * rows; k++) {
    const v = g[k];
    g[k] = v > 1 ? 1 : v < -1 ? -1 : v;
  }
  for (let i = 0; i < rows; i++) {
    g[i * rows + i] = 1;
  }
}
