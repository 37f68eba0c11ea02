import type { GramKernelKind } from '../../contract';
import { GRAM_KERNEL_BASE64 } from './gramKernelBytes';
import { GRAM_KERNEL_FMA_BASE64 } from './gramKernelFmaBytes';

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
  if (typeof WebAssembly !== 'object' || WebAssembly === null) {
    return { exports: null, name: null, unavailable: 'WebAssembly is not available in this environment' };
  }
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    return { exports: instance.exports as unknown as GramExports, name, unavailable: null };
  } catch (e) {
    return { exports: null, name: null, unavailable: describeFailure(e) };
  }
}

function describeFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/unsafe-eval|Content Security Policy|disallowed by embedder/i.test(message)) {
    return "blocked by the page's Content-Security-Policy (no 'wasm-unsafe-eval')";
  }
  return `the SIMD kernel does not compile here (${message})`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 to bytes. WHY not atob/Buffer: the engine uses no host API beyond the language. */
export function decodeBase64(text: string) {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let k = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | BASE64.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const PAGE = 65536;
/** WebAssembly 32-bit memory holds at most 65536 pages (4 GiB); engines may allow less. */
const MAX_PAGES = 65536;

/**
 * Grows the kernel's memory to hold at least `bytes`; false when it cannot. The one rule for every user
 * of the instance's memory (a Gram product, lag sums): memory only grows, and is kept for the next use.
 */
export function growMemory(memory: WebAssembly.Memory, bytes: number): boolean {
  const pages = Math.ceil(bytes / PAGE);
  const have = memory.buffer.byteLength / PAGE;
  if (pages <= have) {
    return true;
  }
  if (pages > MAX_PAGES) {
    return false;
  }
  try {
    memory.grow(pages - have);
    return true;
  } catch {
    return false;
  }
}
