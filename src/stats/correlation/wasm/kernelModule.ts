/**
 * What every WebAssembly kernel of the engine needs from its host: its base64 bytes decoded, the module
 * compiled and instantiated, its memory grown and viewed. One home for these, shared by the Gram kernel
 * (gramKernel.ts), the autocovariance kernel (autocovarianceKernel.ts), the KS kernel (ksKernel.ts) and
 * the residuals kernel (residualsKernel.ts).
 */

/**
 * A kernel of the engine, compiled on first use and kept for the life of the thread; null where it cannot
 * run (no WebAssembly SIMD, or a Content-Security-Policy without 'wasm-unsafe-eval'). WHY no reason kept:
 * the Gram kernel's notice (gramKernel.ts) already tells the user why WebAssembly is off, and every kernel
 * fails for the same reasons.
 */
export function lazyKernel<E>(base64: string): () => E | null {
  let cached: E | null | undefined;
  return () => {
    if (cached === undefined) {
      cached = instantiateKernel(decodeBase64(base64)).exports as unknown as E | null;
    }
    return cached;
  };
}

/**
 * Any of the engine's kernel modules (no imports), compiled and instantiated synchronously (see
 * gramKernel.ts's compileGramKernel for why); its exports, or why it cannot run here.
 */
export function instantiateKernel(
  bytes: BufferSource
): { exports: WebAssembly.Exports; unavailable: null } | { exports: null; unavailable: string } {
  if (typeof WebAssembly !== 'object' || WebAssembly === null) {
    return { exports: null, unavailable: 'WebAssembly is not available in this environment' };
  }
  try {
    return { exports: new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports, unavailable: null };
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

/** Next multiple of 16 bytes: where the kernels' buffers start (their vectors are 16 bytes). */
export function aligned(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/**
 * A kernel's memory as doubles. WHY cached: a view per call costs more than a short sum; it is made again
 * only when growing the memory replaced its buffer.
 */
const views = new WeakMap<WebAssembly.Memory, Float64Array>();

export function float64View(memory: WebAssembly.Memory): Float64Array {
  const buffer = memory.buffer;
  let view = views.get(memory);
  if (view === undefined || view.buffer !== buffer) {
    view = new Float64Array(buffer);
    views.set(memory, view);
  }
  return view;
}

/**
 * Who laid out each kernel memory last: a plan whose tables or series stay there between calls
 * (WasmAutocovariance, WasmResiduals, WasmLagSet) writes them only when it no longer owns the memory,
 * and anything else that writes there (a Gram product, one pair's lag sums) claims it. The one mark for
 * every kernel, keyed by its memory.
 */
const owners = new WeakMap<WebAssembly.Memory, object | null>();

/** Marks `memory` as laid out by `owner` from now on (null: by nobody whose layout must be kept). */
export function claimMemory(memory: WebAssembly.Memory, owner: object | null): void {
  owners.set(memory, owner);
}

/** Whether `owner` laid out `memory` last. */
export function ownsMemory(memory: WebAssembly.Memory, owner: object): boolean {
  return owners.get(memory) === owner;
}
