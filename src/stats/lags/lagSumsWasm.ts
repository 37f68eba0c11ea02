import type { GramExports } from '../correlation/wasm/gramKernel';
import { aligned, claimMemory, float64View, growMemory, ownsMemory } from '../correlation/wasm/kernelModule';

/**
 * Lags per block of the kernels' `lagSums` (LAG_LANES in correlation/wasm/assembly/lagSums.ts): its last
 * block may write up to this many values less one past the last lag asked for, so an output area needs
 * that much room more.
 */
export const LAG_LANES = 8;

/**
 * Lagged sums S(k) = Σ_t a[t] b[t+k] by the WebAssembly kernel (the `lagSums` export of
 * correlation/wasm/assembly/gram.ts), for a pair copied once into the kernel's memory and any number of
 * lag ranges. Each S(k) is the very double of directCrossSum.ts's JavaScript (see gram.ts for why).
 *
 * WHY the Gram kernel's instance: one module to compile, detect and cache per thread (gramKernel.ts),
 * and its memory is idle whenever lag sums run. The rule that makes sharing it safe: lag sums use the
 * memory from heapBase, where WasmGram (correlation/gramMatrixWasm.ts) lays out each product; they keep
 * nothing there between synchronous calls, and WasmGram.open writes every byte a product reads. So a lag
 * sum must never run while a Gram product is open on the same thread (between WasmGram.open and
 * finishInto). Nothing does: the engine runs one analysis at a time per thread, and a product split with
 * a helper thread suspends the whole analysis while it waits (gramSteps.ts). A WasmLagSums is valid only
 * until the kernel's next use, so it never outlives the synchronous function that loaded it.
 */
export class WasmLagSums {
  private constructor(
    private readonly kernel: GramExports,
    private readonly len: number,
    /** Byte offsets of a, b and the output area in the kernel's memory. */
    private readonly aAt: number,
    private readonly bAt: number,
    private readonly outAt: number,
    /** Most lags one call of `sums` may ask for. */
    private readonly most: number
  ) {}

  /**
   * a and b (of equal length; the same array is copied once) in the kernel's memory, with room for up
   * to `most` lags per call of `sums`; null when the memory cannot grow that far.
   */
  static load(kernel: GramExports, a: Float64Array, b: Float64Array, most: number): WasmLagSums | null {
    const len = a.length;
    const aAt = aligned(kernel.heapBase());
    const bAt = b === a ? aAt : aligned(aAt + 8 * len);
    const outAt = aligned(bAt + 8 * len);
    if (!growMemory(kernel.memory, outAt + 8 * (most + LAG_LANES))) {
      return null;
    }
    const mem = float64View(kernel.memory);
    mem.set(a, aAt / 8);
    if (b !== a) {
      mem.set(b, bAt / 8);
    }
    const sums = new WasmLagSums(kernel, len, aAt, bAt, outAt, most);
    claimMemory(kernel.memory, sums);
    return sums;
  }

  /** S(k) for k = first..last (at most `most` lags) into out[k − first]. */
  sums(first: number, last: number, out: Float64Array): Float64Array {
    const count = last - first + 1;
    if (count <= 0) {
      return out;
    }
    if (count > this.most) {
      throw new RangeError(`${count} lags asked of room for ${this.most}`);
    }
    this.kernel.lagSums(this.aAt, this.bAt, this.len, first, last, this.outAt);
    out.set(float64View(this.kernel.memory).subarray(this.outAt / 8, this.outAt / 8 + count));
    return out;
  }
}

/**
 * Lagged sums of many pairs drawn from one set of series of one length (a compare's incident slices, a
 * lag stage's series): each series is copied into the kernel's memory once, not once per pair. WHY: a
 * compare sums about 900 pairs of 1,440 points at 21 lags each, and copying both series of every pair
 * cost half as much as summing them. The set stays valid across calls as long as nothing else uses the
 * kernel's memory (kernelModule.ts's owner mark); if something did, the next call copies the series again.
 */
export class WasmLagSet {
  private readonly at = new Map<Float64Array, number>();
  private readonly outAt: number;

  private constructor(
    private readonly kernel: GramExports,
    series: Float64Array[],
    private readonly len: number,
    private readonly most: number
  ) {
    let at = aligned(kernel.heapBase());
    for (const x of series) {
      if (!this.at.has(x)) {
        this.at.set(x, at);
        at = aligned(at + 8 * len);
      }
    }
    this.outAt = at;
  }

  /**
   * The series (all of length `len`) in the kernel's memory, with room for up to `most` lags per call;
   * null when the memory cannot grow that far.
   */
  static load(kernel: GramExports, series: Float64Array[], len: number, most: number): WasmLagSet | null {
    const set = new WasmLagSet(kernel, series, len, most);
    if (series.some((x) => x.length !== len) || !growMemory(kernel.memory, set.outAt + 8 * (most + LAG_LANES))) {
      return null;
    }
    set.copy();
    return set;
  }

  private copy(): void {
    const mem = float64View(this.kernel.memory);
    this.at.forEach((at, x) => mem.set(x, at / 8));
    claimMemory(this.kernel.memory, this);
  }

  /** Whether x is one of the set's series. */
  has(x: Float64Array): boolean {
    return this.at.has(x);
  }

  /** S(k) = Σ_t a[t] b[t+k] for k = first..last (at most `most` lags) into out[k − first]; a and b in the set. */
  sums(a: Float64Array, b: Float64Array, first: number, last: number, out: Float64Array): Float64Array {
    const count = last - first + 1;
    if (count > this.most) {
      throw new RangeError(`${count} lags asked of room for ${this.most}`);
    }
    if (!ownsMemory(this.kernel.memory, this)) {
      this.copy();
    }
    this.kernel.lagSums(this.at.get(a)!, this.at.get(b)!, this.len, first, last, this.outAt);
    out.set(float64View(this.kernel.memory).subarray(this.outAt / 8, this.outAt / 8 + count));
    return out;
  }
}
