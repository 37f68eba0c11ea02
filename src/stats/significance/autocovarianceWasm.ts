import { autocovarianceKernel, type AutocovarianceExports } from '../correlation/wasm/autocovarianceKernel';
import { aligned, claimMemory, float64View, growMemory, ownsMemory } from '../correlation/wasm/kernelModule';
import { LAG_LANES } from '../lags/lagSumsWasm';
import type { Centred } from '../util/centre';

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
  private readonly tables: {
    tw: Float64Array;
    perm: Int32Array;
    split: Float64Array;
    tw2: Float64Array;
    perm2: Int32Array;
  };
  /** Byte offsets in the kernel's memory. */
  private readonly at: {
    input: number;
    x: number;
    re: number;
    im: number;
    tw: number;
    perm: number;
    split: number;
    tw2: number;
    perm2: number;
    out: number;
    count: number;
  };
  private constructor(
    private readonly kernel: AutocovarianceExports,
    private readonly length: number,
    private readonly size: number,
    private readonly maxLag: number
  ) {
    const h = size / 2;
    // The forward transform is of h values, the cosine sum's real transform of h/2 (see the kernel).
    this.tables = {
      tw: twiddles(h),
      perm: positions(h),
      split: splitTwiddles(size),
      tw2: twiddles(h / 2),
      perm2: positions(h / 2),
    };
    const input = aligned(kernel.heapBase());
    const x = aligned(input + 8 * length);
    const re = aligned(x + 8 * size);
    const im = aligned(re + 8 * h);
    const tw = aligned(im + 8 * h);
    const perm = aligned(tw + 8 * this.tables.tw.length);
    const split = aligned(perm + 4 * h);
    const tw2 = aligned(split + 8 * this.tables.split.length);
    const perm2 = aligned(tw2 + 8 * this.tables.tw2.length);
    const out = aligned(perm2 + 4 * (h / 2));
    const count = aligned(out + 8 * (maxLag + LAG_LANES));
    this.at = { input, x, re, im, tw, perm, split, tw2, perm2, out, count };
  }

  /**
   * A plan for series of `length` values, lags up to maxLag, transformed at padded size m (a power of
   * two, at least 4, with m ≥ length + maxLag and maxLag ≤ m/2, the cosine sum's last term); null
   * without a kernel or memory, or for lags past m/2.
   */
  static plan(length: number, size: number, maxLag: number): WasmAutocovariance | null {
    const kernel = autocovarianceKernel();
    if (!kernel || maxLag > size / 2) {
      return null;
    }
    const plan = new WasmAutocovariance(kernel, length, size, maxLag);
    return growMemory(kernel.memory, plan.at.count + 8) ? plan : null;
  }

  load(x: ArrayLike<number>): Centred {
    const { at, length, size } = this;
    if (!ownsMemory(this.kernel.memory, this)) {
      // This plan's buffers may lie over another plan's tables.
      claimMemory(this.kernel.memory, null);
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
    if (!ownsMemory(this.kernel.memory, this)) {
      mem.set(this.tables.tw, at.tw / 8);
      new Int32Array(mem.buffer).set(this.tables.perm, at.perm / 4);
      mem.set(this.tables.split, at.split / 8);
      mem.set(this.tables.tw2, at.tw2 / 8);
      new Int32Array(mem.buffer).set(this.tables.perm2, at.perm2 / 4);
      claimMemory(this.kernel.memory, this);
    }
    this.kernel.autocovariance(
      at.x,
      size,
      at.re,
      at.im,
      at.tw,
      at.perm,
      at.split,
      at.tw2,
      at.perm2,
      this.maxLag,
      at.out
    );
    out.set(mem.subarray(at.out / 8, at.out / 8 + this.maxLag + 1));
    return out;
  }
}

/**
 * The kernel's stages for h complex values, in order, as the kernel's `transform` runs them: for an odd
 * log2 h one radix-2 stage over the whole array, then radix-4 stages, each over groups of `group` values
 * (h, or h/2 after a radix-2 stage, down to 4). The one place the host derives them, for the twiddles
 * and for where each frequency ends up.
 */
function stages(h: number): Array<{ radix: 2 | 4; group: number }> {
  const out: Array<{ radix: 2 | 4; group: number }> = [];
  let group = h;
  if (Math.log2(h) % 2 === 1) {
    out.push({ radix: 2, group });
    group /= 2;
  }
  for (; group > 1; group /= 4) {
    out.push({ radix: 4, group });
  }
  return out;
}

/**
 * The stages' twiddles in the order the kernel's `transform` reads them (see there): w^j for a radix-2
 * stage, w^j, w^2j, w^3j for a radix-4 stage, each as real parts then imaginary parts, j < group/radix,
 * w = e^{−2πi/group}. The last stage (group 4, or the whole of h = 2) multiplies by no twiddle.
 */
function twiddles(h: number): Float64Array {
  const values: number[] = [];
  for (const { radix, group } of stages(h)) {
    if (group <= radix) {
      continue;
    }
    for (let power = 1; power < radix; power++) {
      const count = group / radix;
      for (let j = 0; j < count; j++) {
        values.push(Math.cos((2 * Math.PI * j * power) / group));
      }
      for (let j = 0; j < count; j++) {
        values.push(-Math.sin((2 * Math.PI * j * power) / group));
      }
    }
  }
  return Float64Array.from(values);
}

/**
 * Where each frequency k of the kernel's transform ends up (decimation in frequency leaves the output in
 * digit-reversed order): a stage of radix r over N values leaves frequency d + r·k′ of its group in
 * block d (of N/r values), at the place frequency k′ takes in the smaller transform of that block.
 */
function positions(h: number): Int32Array {
  // frequencyAt[p]: the frequency at position p, built from the last stage outwards.
  let frequencyAt = Int32Array.of(0);
  for (const { radix } of stages(h).reverse()) {
    const block = frequencyAt.length;
    const next = new Int32Array(block * radix);
    for (let p = 0; p < next.length; p++) {
      next[p] = Math.floor(p / block) + radix * frequencyAt[p % block];
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
