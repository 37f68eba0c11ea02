import type { GramKernelKind } from '../../contract';
import { GRAM_KERNEL_BASE64 } from './gramKernelBytes';
import { GRAM_KERNEL_FMA_BASE64 } from './gramKernelFmaBytes';
import { decodeBase64, instantiateKernel } from './kernelModule';

/** The exports of assembly/gram.ts (see there for the protocol). Offsets are bytes into `memory`. */
export interface GramExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  standardize(row: number, len: number, sum: number): number;
  packRow(row: number, i: number, n: number, len: number, chunk: number, packed: number): void;
  gramPanel(packed: number, n: number, pairs: number, out: number, p: number, first: number): void;
  finish(out: number, rows: number, n: number, unit: number): void;
  /** Lagged sums of two series in memory (lags/lagSumsWasm.ts is the host). */
  lagSums(a: number, b: number, len: number, first: number, last: number, out: number): void;
}

/** Which build of the kernel: fused multiply-adds (relaxed SIMD) or separate ones (SIMD). */
export type GramKernelName = Exclude<GramKernelKind, 'js'>;

/** The compiled kernel, or why there is none (a sentence for the notice). */
export type GramKernel =
  | { exports: GramExports; name: GramKernelName; unavailable: null }
  | { exports: null; name: null; unavailable: string };

let cached: GramKernel | undefined;

/**
 * The fastest WebAssembly Gram kernel of this environment, compiled on first use and cached for the life
 * of the worker (or process): the outcome cannot change while the page lives, so detection happens once.
 * The relaxed-SIMD build is tried only where a tiny relaxed-SIMD module validates (Chromium by default,
 * Node only with --experimental-wasm-relaxed-simd): elsewhere its bytes would not even validate. Then the
 * SIMD build; when neither compiles, the SIMD build's reason.
 */
export function gramKernel(): GramKernel {
  if (cached === undefined) {
    const fma = hasRelaxedSimd() ? compileGramKernel(decodeBase64(GRAM_KERNEL_FMA_BASE64), 'relaxed-simd') : null;
    cached = fma?.exports ? fma : compileGramKernel(decodeBase64(GRAM_KERNEL_BASE64), 'simd');
  }
  return cached;
}

/**
 * A module whose one function is `(v128) -> v128: f64x2.relaxed_madd(x, x, x)`. WHY validate rather than
 * compile: validation needs no permission from the page's Content-Security-Policy, and it is the
 * documented way to detect a WebAssembly feature.
 */
// prettier-ignore
const RELAXED_SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x06, 0x01, 0x60, 0x01, 0x7b, 0x01, 0x7b, // type section: (v128) -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x0d, 0x01, 0x0b, 0x00, // code section: one body of 11 bytes, no locals
  0x20, 0x00, 0x20, 0x00, 0x20, 0x00, // local.get 0 three times
  0xfd, 0x87, 0x02, 0x0b, // f64x2.relaxed_madd, end
]);

/** Whether this engine has relaxed SIMD (validated once per gramKernel() detection). */
export function hasRelaxedSimd(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly !== null && WebAssembly.validate(RELAXED_SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * Compiles and instantiates kernel bytes synchronously. WHY synchronous: the engine is synchronous, and
 * the kernel is under the 4 KiB that Chromium allows to compile synchronously even on the main thread
 * (the engine's fallback when no worker can start); workers have no limit. A page whose
 * Content-Security-Policy lacks 'wasm-unsafe-eval' makes compilation throw (CompileError or EvalError),
 * as does an engine without SIMD: both become `unavailable`, never an exception.
 */
export function compileGramKernel(bytes: BufferSource, name: GramKernelName): GramKernel {
  const kernel = instantiateKernel(bytes);
  return kernel.exports
    ? { exports: kernel.exports as unknown as GramExports, name, unavailable: null }
    : { exports: null, name: null, unavailable: kernel.unavailable };
}
