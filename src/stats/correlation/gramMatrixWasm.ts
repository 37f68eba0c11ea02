import type { Checkpoint } from '../util/cancel';
import type { GramExports } from './wasm/gramKernel';

const PAGE = 65536;
/** WebAssembly 32-bit memory holds at most 65536 pages (4 GiB); engines may allow less. */
const MAX_PAGES = 65536;
/**
 * Bytes of one packed chunk of every row. WHY 1 MiB: the chunk is read again for every panel, so it must
 * stay in the L2 cache (1-2 MiB per core on current x64 and ARM cores) next to the panel in use; longer
 * chunks spend less time on per-chunk sums (bench: 0.5, 1 and 1.5 MiB within noise of each other).
 */
const CHUNK_BYTES = 1 << 20;
/** Shortest chunk in time steps, so that very many rows still run long inner loops. */
const MIN_CHUNK = 64;

/**
 * The Gram matrix by the WebAssembly kernel (wasm/assembly/gram.ts, either build): grows the instance's
 * memory when this call needs more than the last one, lets `write` put the rows straight into it (no
 * N*T copy), then for each chunk of time packs the chunk and runs the kernel one panel of four rows at
 * a time (so the checkpoint can cancel between panels, as in the JS kernel) and copies the n*n result
 * out. Returns false, before calling `write`, when memory cannot grow enough; the caller then uses the
 * JS kernel.
 */
export function gramMatrixWasm(
  kernel: GramExports,
  write: (z: Float64Array) => void,
  rows: number,
  len: number,
  out: Float64Array,
  checkpoint?: Checkpoint
): boolean {
  const N = rows;
  // Rows padded to whole panels (the padding rows are zeros), chunk length even (an odd one ends in a zero).
  const n = Math.ceil(N / 4) * 4;
  const chunk = Math.min(len + (len & 1), Math.max(MIN_CHUNK, Math.floor(CHUNK_BYTES / (8 * n)) & ~1));
  const zPtr = kernel.heapBase();
  const packedPtr = zPtr + align16(N * len * 8);
  const outPtr = packedPtr + n * chunk * 8;
  const end = outPtr + n * n * 8;
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
  write(new Float64Array(kernel.memory.buffer, zPtr, N * len));
  // Chunks add into the sums, which start at zero (memory is reused from the last call).
  new Float64Array(kernel.memory.buffer, outPtr, n * n).fill(0);
  const panels = n / 4;
  for (let t0 = 0; t0 < len; t0 += chunk) {
    const t1 = Math.min(len, t0 + chunk);
    kernel.pack(zPtr, N, len, packedPtr, n, t0, t1);
    const share = (t1 - t0) / len;
    for (let p = 0; p < panels; p++) {
      kernel.gramPanel(packedPtr, n, (t1 - t0 + 1) >> 1, outPtr, p);
      checkpoint?.tick(4 * (N - 4 * p) * share);
    }
  }
  kernel.finish(outPtr, N, n);
  out.set(new Float64Array(kernel.memory.buffer, outPtr, N * N));
  return true;
}

function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
