import { GRAM_KERNEL_BASE64 } from './gramKernelBytes';

/** The exports of assembly/gram.ts. Offsets are bytes into `memory`. */
export interface GramExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  gramBlock4(z: number, n: number, len: number, out: number, i0: number): void;
  gramRow(z: number, n: number, len: number, out: number, i: number): void;
}

/** The compiled kernel, or why there is none (a sentence for the notice). */
export type GramKernel = { exports: GramExports; unavailable: null } | { exports: null; unavailable: string };

let cached: GramKernel | undefined;

/**
 * The WebAssembly Gram kernel of this environment, compiled on first use and cached for the life of
 * the worker (or process): the outcome cannot change while the page lives, so detection happens once.
 */
export function gramKernel(): GramKernel {
  cached ??= compileGramKernel(decodeBase64(GRAM_KERNEL_BASE64));
  return cached;
}

/**
 * Compiles and instantiates kernel bytes synchronously. WHY synchronous: the engine is synchronous, and
 * the kernel is under the 4 KiB that Chromium allows to compile synchronously even on the main thread
 * (the engine's fallback when no worker can start); workers have no limit. A page whose
 * Content-Security-Policy lacks 'wasm-unsafe-eval' makes compilation throw (CompileError or EvalError),
 * as does an engine without SIMD: both become `unavailable`, never an exception.
 */
export function compileGramKernel(bytes: BufferSource): GramKernel {
  if (typeof WebAssembly !== 'object' || WebAssembly === null) {
    return { exports: null, unavailable: 'WebAssembly is not available in this environment' };
  }
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    return { exports: instance.exports as unknown as GramExports, unavailable: null };
  } catch (e) {
    return { exports: null, unavailable: describeFailure(e) };
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
