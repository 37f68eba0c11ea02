import type { Checkpoint } from '../util/cancel';
import type { GramRequest, RowWriter } from './gramRequest';
import type { GramExports } from './wasm/gramKernel';
import { claimMemory, growMemory } from './wasm/kernelModule';

/**
 * Bytes of one packed chunk of every row. WHY 1 MiB: the chunk is read again for every panel, so it must
 * stay in the L2 cache (1-2 MiB per core on current x64 and ARM cores) next to the panel in use; longer
 * chunks spend less time on per-chunk sums (bench: 0.5, 1, 1.5 and 2 MiB within noise of each other).
 */
const CHUNK_BYTES = 1 << 20;
/** Shortest chunk in time steps, so that very many rows still run long inner loops. */
const MIN_CHUNK = 64;

/** Rows padded to whole panels of four (the padding rows are zeros). */
function paddedRows(rows: number): number {
  return Math.ceil(rows / 4) * 4;
}

/**
 * One Gram product in the WebAssembly kernel's memory (wasm/assembly/gram.ts, either build). The rows go
 * straight into the layout the kernel reads: time cut into chunks that fit the L2 cache, each chunk of
 * every row packed into panels of four rows (see gram.ts). WHY no row-major copy first: it would be the
 * size of the input (40 MB at 500 series of a week at one minute), written once and read once more to
 * pack; each row packed as soon as it is written is read back from the L1 or L2 cache.
 *
 * `open` grows the instance's memory when this product needs more than the last one; `setRow` places a
 * row (written into a staging row in the kernel's memory, then packed there); `run` multiplies, chunk by chunk (the checkpoint can cancel between panels, as in the JS kernel);
 * `add` adds a product computed elsewhere (the other half of the time of a split product, gramSplit.ts);
 * `finishInto` mirrors the upper triangle and copies the rows*rows matrix out.
 */
export class WasmGram {
  private readonly n: number;
  private readonly chunk: number;
  /** f64 indices of the staging row, the packed chunks and the n*n sums. */
  private readonly rowAt: number;
  private readonly packedAt: number;
  private readonly outAt: number;

  private constructor(
    private readonly kernel: GramExports,
    readonly rows: number,
    readonly len: number,
    /** Values a row is written with: `len` or more (a split product packs only the first `len`). */
    readonly rowLen: number
  ) {
    this.n = paddedRows(rows);
    this.chunk = Math.min(len + (len & 1), Math.max(MIN_CHUNK, Math.floor(CHUNK_BYTES / (8 * this.n)) & ~1));
    this.rowAt = Math.ceil(kernel.heapBase() / 16) * 2;
    this.packedAt = this.rowAt + Math.ceil(rowLen / 2) * 2;
    this.outAt = this.packedAt + this.n * this.chunk * Math.ceil(len / this.chunk);
  }

  /** Room for the product in the kernel's memory, padding rows zeroed; null when memory cannot grow enough. */
  static open(kernel: GramExports, rows: number, len: number, rowLen = len): WasmGram | null {
    const gram = new WasmGram(kernel, rows, len, rowLen);
    if (!growMemory(kernel.memory, (gram.outAt + gram.n * gram.n) * 8)) {
      return null;
    }
    claimMemory(kernel.memory, gram);
    // Memory is reused from the last product: padding rows must be written as zeros, which add nothing.
    const zeros: RowWriter = (_row, into, at) => into.fill(0, at, at + len);
    for (let i = rows; i < gram.n; i++) {
      gram.setRow(i, zeros);
    }
    return gram;
  }

  /**
   * Row i: `writeRow` puts its `rowLen` values into the staging row; given the row's plain `sum`, the
   * kernel centres and scales them there; then it spreads the first `len` into the packed chunks. Returns
   * the staging row, valid until the next call.
   */
  setRow(i: number, writeRow: RowWriter, sum?: number): Float64Array {
    const mem = this.memory();
    writeRow(i, mem, this.rowAt);
    if (sum !== undefined) {
      this.kernel.standardize(this.rowAt * 8, this.rowLen, sum);
    }
    this.kernel.packRow(this.rowAt * 8, i, this.n, this.len, this.chunk, this.packedAt * 8);
    return mem.subarray(this.rowAt, this.rowAt + this.rowLen);
  }

  /**
   * The sums of every panel against every later row, chunk after chunk: the first chunk stores and the
   * others add, so no sum needs zeroing first.
   */
  run(checkpoint?: Checkpoint): void {
    const { kernel, n, chunk, len, rows } = this;
    const panels = n / 4;
    for (let t0 = 0, base = this.packedAt; t0 < len; t0 += chunk, base += n * chunk) {
      const t1 = Math.min(len, t0 + chunk);
      const share = (t1 - t0) / len;
      for (let p = 0; p < panels; p++) {
        kernel.gramPanel(base * 8, n, (t1 - t0 + 1) >> 1, this.outAt * 8, p, t0 === 0 ? 1 : 0);
        checkpoint?.tick(4 * (rows - 4 * p) * share);
      }
    }
  }

  /** Adds the upper triangle of a rows*rows matrix computed elsewhere (`upperInto`) to the sums, after `run`. */
  add(other: Float64Array): void {
    const mem = this.memory();
    const { rows, n } = this;
    for (let i = 0; i < rows; i++) {
      for (let j = i, k = this.outAt + i * n + i, o = i * rows + i; j < rows; j++, k++, o++) {
        mem[k] += other[o];
      }
    }
  }

  /**
   * The symmetric rows*rows matrix into `out`, once the sums are complete; for standardized rows (`unit`)
   * Pearson's r: diagonal 1, values clamped to [-1, 1].
   */
  finishInto(out: Float64Array, unit: boolean): void {
    this.kernel.finish(this.outAt * 8, this.rows, this.n, unit ? 1 : 0);
    out.set(this.memory().subarray(this.outAt, this.outAt + this.rows * this.rows));
  }

  /**
   * The upper triangle (i <= j) of the sums into `out`, row-major rows*rows (the rest of `out` as it was):
   * all a split product's other thread needs to send back (gramSplit.ts), without `finishInto`'s mirror.
   */
  upperInto(out: Float64Array): void {
    const mem = this.memory();
    const { rows, n, outAt } = this;
    for (let i = 0; i < rows; i++) {
      out.set(mem.subarray(outAt + i * n + i, outAt + i * n + rows), i * rows + i);
    }
  }

  /** WHY fetched each time: growing the memory detaches the previous ArrayBuffer. */
  private memory(): Float64Array {
    return new Float64Array(this.kernel.memory.buffer);
  }
}

/**
 * The requested Gram matrix by the WebAssembly kernel on this thread. 'no memory', before calling
 * `writeRow`, when memory cannot grow enough (the caller then uses the JS kernel); 'rejected' when
 * `rowSum` rejects a row.
 */
export function gramMatrixWasm(
  kernel: GramExports,
  request: GramRequest & { out: Float64Array }
): 'done' | 'no memory' | 'rejected' {
  const { rows, len, writeRow, rowSum, out, checkpoint } = request;
  const gram = WasmGram.open(kernel, rows, len);
  if (!gram) {
    return 'no memory';
  }
  for (let i = 0; i < rows; i++) {
    const sum = rowSum?.(i);
    if (Number.isNaN(sum)) {
      return 'rejected';
    }
    gram.setRow(i, writeRow, sum);
  }
  request.alongside?.();
  gram.run(checkpoint);
  gram.finishInto(out, rowSum !== undefined);
  return 'done';
}
