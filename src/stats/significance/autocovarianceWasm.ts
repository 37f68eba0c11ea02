import { autocovarianceKernel, type AutocovarianceExports } from '../correlation/wasm/autocovarianceKernel';
import { aligned, float64View, growMemory } from '../correlation/wasm/kernelModule';
import type { Centred } from '../util/centre';

/** Lags the kernel's `lagSums` may write past the last one asked for (LAG_LANES − 1 in assembly/lagSums.ts). */
const LAG_OVERRUN = 7;

/**
 * A series' lagged sums (seriesAutocovariance.ts) by the WebAssembly kernel (correlation/wasm/assembly/autocovariance.ts), for
 * series of one length n: copied into the kernel's memory once, centred there, then summed lag block by
 * lag block and, if the window needs it, at every lag by the FFT. The plan's tables (each stage's
 * twiddles, where each frequency lands, the split step's cos and sin) are computed once and written into
 * the kernel's memory when the plan first transforms after another plan used that memory: the memory
 * belongs to this kernel alone, so they stay there while one window length is analysed, series after series.
 */
export class WasmAutocovariance {
  readonly wasm = true;
  private readonly tables: { tw: Float64Array; perm: Int32Array; split: Float64Array };
  /** Byte offsets in the kernel's memory. */
  private readonly at: {
    input: number;
    x: number;
    re: number;
    im: number;
    tw: number;
    perm: number;
    split: number;
    out: number;
    count: number;
  };
  private readonly size: number;

  private constructor(
    private readonly kernel: AutocovarianceExports,
    private readonly length: number,
    size: number,
    private readonly maxLag: number
  ) {
    const h = size / 2;
    this.size = size;
    this.tables = { tw: twiddles(h), perm: positions(h), split: splitTwiddles(size) };
    const input = aligned(kernel.heapBase());
    const x = aligned(input + 8 * length);
    const re = aligned(x + 8 * size);
    const im = aligned(re + 8 * h);
    const tw = aligned(im + 8 * h);
    const perm = aligned(tw + 8 * this.tables.tw.length);
    const split = aligned(perm + 4 * h);
    const out = aligned(split + 8 * this.tables.split.length);
    const count = aligned(out + 8 * (maxLag + 1 + LAG_OVERRUN));
    this.at = { input, x, re, im, tw, perm, split, out, count };
  }

  /**
   * A plan for series of `length` values, lags up to maxLag, transformed at padded size m (a power of
   * two, at least 4, with m ≥ length + maxLag); null without a kernel or memory.
   */
  static plan(length: number, size: number, maxLag: number): WasmAutocovariance | null {
    const kernel = autocovarianceKernel();
    if (!kernel) {
      return null;
    }
    const plan = new WasmAutocovariance(kernel, length, size, maxLag);
    return growMemory(kernel.memory, plan.at.count + 8) ? plan : null;
  }

  load(x: ArrayLike<number>): Centred {
    const { at, length, size } = this;
    if (resident !== this) {
      // This plan's buffers may lie over another plan's tables.
      resident = null;
    }
    const mem = float64View(this.kernel.memory);
    mem.set(x, at.input / 8);
    mem.fill(0, at.x / 8 + length, at.x / 8 + size);
    const ss = this.kernel.centre(at.input, length, at.x, at.count);
    return { count: mem[at.count / 8], ss };
  }

  direct(first: number, last: number, out: Float64Array): Float64Array {
    const { at } = this;
    this.kernel.lagSums(at.x, at.x, this.length, first, last, at.out);
    out.set(float64View(this.kernel.memory).subarray(at.out / 8, at.out / 8 + last - first + 1));
    return out;
  }

  all(out: Float64Array): Float64Array {
    const { at, size } = this;
    const mem = float64View(this.kernel.memory);
    if (resident !== this) {
      mem.set(this.tables.tw, at.tw / 8);
      new Int32Array(mem.buffer).set(this.tables.perm, at.perm / 4);
      mem.set(this.tables.split, at.split / 8);
      resident = this;
    }
    this.kernel.autocovariance(at.x, size, at.re, at.im, at.tw, at.perm, at.split, this.maxLag, at.out);
    out.set(mem.subarray(at.out / 8, at.out / 8 + this.maxLag + 1));
    return out;
  }
}

/** The plan whose tables are in the kernel's memory now (null: none is sure to be). */
let resident: WasmAutocovariance | null = null;

/**
 * The stages' twiddles in the order the kernel's `transform` reads them (see there): for an odd log2 h one
 * radix-2 stage of w^j, then radix-4 stages of w^j, w^2j, w^3j, each as real parts then imaginary parts;
 * w = e^{−2πi/L} for the stage's group length L.
 */
function twiddles(h: number): Float64Array {
  const values: number[] = [];
  const run = (L: number, count: number, power: number) => {
    for (let j = 0; j < count; j++) {
      values.push(Math.cos((2 * Math.PI * j * power) / L));
    }
    for (let j = 0; j < count; j++) {
      values.push(-Math.sin((2 * Math.PI * j * power) / L));
    }
  };
  let L = h;
  if (Math.log2(h) % 2 === 1 && h > 2) {
    run(h, h / 2, 1);
    L = h / 2;
  }
  for (; L > 4; L /= 4) {
    [1, 2, 3].forEach((power) => run(L, L / 4, power));
  }
  return Float64Array.from(values);
}

/**
 * Where each frequency k of the kernel's transform ends up (decimation in frequency leaves the output in
 * digit-reversed order): a stage of radix r over N values leaves frequency d + r·k′ of its group in
 * block d (of N/r values), at the place frequency k′ takes in the smaller transform of that block.
 */
function positions(h: number): Int32Array {
  const radices: number[] = [];
  let L = h;
  if (Math.log2(h) % 2 === 1) {
    radices.push(2);
    L /= 2;
  }
  for (; L > 1; L /= 4) {
    radices.push(4);
  }
  // frequencyAt[p]: the frequency at position p, built from the last stage outwards.
  let frequencyAt = Int32Array.of(0);
  for (let s = radices.length - 1; s >= 0; s--) {
    const r = radices[s];
    const block = frequencyAt.length;
    const next = new Int32Array(block * r);
    for (let p = 0; p < next.length; p++) {
      next[p] = Math.floor(p / block) + r * frequencyAt[p % block];
    }
    frequencyAt = next;
  }
  const perm = new Int32Array(h);
  frequencyAt.forEach((k, p) => (perm[k] = p));
  return perm;
}

/** (cos, sin) of 2πk/m for k = 0..m/2: e^{−2πik/m} of the real transform's split step. */
function splitTwiddles(m: number): Float64Array {
  const split = new Float64Array(m + 2);
  for (let k = 0; k <= m / 2; k++) {
    split[2 * k] = Math.cos((2 * Math.PI * k) / m);
    split[2 * k + 1] = Math.sin((2 * Math.PI * k) / m);
  }
  return split;
}
