import type { GramKernelKind } from '../contract';
import type { Checkpoint } from '../util/cancel';
import { gramMatrixJs } from './gramMatrixJs';
import { gramMatrixWasm, type RowWriter } from './gramMatrixWasm';
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
  return gramMatrixOf((i, into, at) => into.set(z.subarray(i * len, (i + 1) * len), at), rows, len, out, checkpoint);
}

/**
 * gramMatrix for rows that the caller writes one at a time. WHY: the WebAssembly kernel reads its rows
 * from its own memory in its own layout, so rows written one by one (each fresh in the L1 cache) skip an
 * N*T array and its copy (40 MB at 500 series of a week at one minute).
 */
export function gramMatrixOf(
  writeRow: RowWriter,
  rows: number,
  len: number,
  out: Float64Array,
  checkpoint?: Checkpoint
): GramOutcome {
  const inJs = () => {
    const z = new Float64Array(rows * len);
    for (let i = 0; i < rows; i++) {
      writeRow(i, z, i * len);
    }
    gramMatrixJs(z, rows, len, out, checkpoint);
  };
  if ((rows * (rows + 1) * len) / 2 < WASM_MIN_WORK) {
    inJs();
    return { kernel: 'js', fallback: null, workers: 1 };
  }
  const kernel = gramKernel();
  if (kernel.exports && gramMatrixWasm(kernel.exports, writeRow, rows, len, out, checkpoint)) {
    return { kernel: kernel.name, fallback: null, workers: 1 };
  }
  inJs();
  return {
    kernel: 'js',
    workers: 1,
    fallback: kernel.unavailable ?? `WebAssembly memory cannot hold ${rows} series of ${len} points`,
  };
}
