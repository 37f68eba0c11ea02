import type { Checkpoint } from '../util/cancel';
import type { GramExports } from './wasm/gramKernel';

const PAGE = 65536;
/** WebAssembly 32-bit memory holds at most 65536 pages (4 GiB); engines may allow less. */
const MAX_PAGES = 65536;

/**
 * The Gram matrix by the WebAssembly SIMD kernel (wasm/assembly/gram.ts): copies the rows into the
 * instance's memory once, grows that memory when this call needs more than the last one, runs the
 * kernel one block of four rows at a time (so the checkpoint can cancel between blocks, as in the
 * JS kernel) and copies the n*n result out. Returns false, having written nothing, when memory
 * cannot grow enough; the caller then uses the JS kernel.
 */
export function gramMatrixWasm(
  kernel: GramExports,
  z: Float64Array,
  rows: number,
  len: number,
  out: Float64Array,
  checkpoint?: Checkpoint
): boolean {
  const N = rows;
  const zPtr = kernel.heapBase();
  const outPtr = zPtr + align16(N * len * 8);
  const end = outPtr + N * N * 8;
  const pages = Math.ceil(end / PAGE);
  const have = kernel.memory.buffer.byteLength / PAGE;
  if (pages > have) {
    if (pages > MAX_PAGES) {
      return false;
    }
    try {
      kernel.memory.grow(pages - have);
    } catch {
      return false;
    }
  }
  // The buffer is fetched after growing: growth detaches the previous ArrayBuffer.
  new Float64Array(kernel.memory.buffer, zPtr, N * len).set(z.subarray(0, N * len));
  let i0 = 0;
  for (; i0 + 4 <= N; i0 += 4) {
    kernel.gramBlock4(zPtr, N, len, outPtr, i0);
    checkpoint?.tick(4 * (N - i0));
  }
  for (let i = i0; i < N; i++) {
    kernel.gramRow(zPtr, N, len, outPtr, i);
  }
  out.set(new Float64Array(kernel.memory.buffer, outPtr, N * N));
  return true;
}

function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
