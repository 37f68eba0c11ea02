import type { GramExports } from '../../correlation/wasm/gramKernel';
import { laggedSumsJs } from '../directCrossSum';
import { WasmLagSums } from '../lagSumsWasm';

/** One random case: series of `len` values (b === a for an autocorrelation) and the lags asked. */
export interface LagCase {
  len: number;
  first: number;
  last: number;
  same: boolean;
  seed: number;
}

/** Deterministic uniform numbers in [0, 1) (a linear congruential generator), so a child process sees the same cases. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** NaN-free values over many magnitudes, with exact zeros of both signs: awkward for rounding. */
function values(len: number, u: () => number): Float64Array {
  return Float64Array.from({ length: len }, () => {
    const r = u();
    if (r < 0.05) {
      return r < 0.025 ? 0 : -0;
    }
    return (u() - 0.5) * 10 ** Math.floor(u() * 40 - 20);
  });
}

/** Lengths 0..200 (odd and even, shorter and longer than a block of lags) and lag ranges from −len−10 to len+10. */
export function lagCases(count: number, seed: number): LagCase[] {
  const u = uniform(seed);
  return Array.from({ length: count }, (_, i) => {
    const len = Math.floor(u() * 201);
    const first = Math.floor(u() * (2 * len + 21)) - len - 10;
    const last = first + Math.floor(u() * 40) - 1;
    return { len, first, last, same: u() < 0.3, seed: seed * 1000 + i };
  });
}

/** The bits of each double, so that 0 and −0 (and every last bit) count. */
function bits(x: Float64Array): string {
  return Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length), (v) => v.toString(16)).join(',');
}

/**
 * The cases where the kernel's sums differ in any bit from laggedSumsJs's: each case asks for its lags in
 * one call and then again in ranges of 1 to 9 lags from one load (the autocorrelation's way).
 */
export function lagSumsMismatches(kernel: GramExports, cases: LagCase[]): LagCase[] {
  return cases.filter((c) => {
    const u = uniform(c.seed);
    const a = values(c.len, u);
    const b = c.same ? a : values(c.len, u);
    const count = Math.max(0, c.last - c.first + 1);
    const want = bits(laggedSumsJs(a, b, c.first, c.last, new Float64Array(count)));
    const whole = WasmLagSums.load(kernel, a, b, count)!.sums(c.first, c.last, new Float64Array(count));
    const loaded = WasmLagSums.load(kernel, a, b, 9)!;
    const pieces = new Float64Array(count);
    for (let k = c.first; k <= c.last; k += 1 + (k & 7)) {
      const last = Math.min(c.last, k + (k & 7));
      pieces.set(loaded.sums(k, last, new Float64Array(last - k + 1)), k - c.first);
    }
    return bits(whole) !== want || bits(pieces) !== want;
  });
}
