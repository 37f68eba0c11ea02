import { AUTOCOVARIANCE_KERNEL_BASE64 } from './autocovarianceKernelBytes';
import { decodeBase64, instantiateKernel } from './kernelModule';

/** The exports of assembly/autocovariance.ts (see there for the layout). Offsets are bytes into `memory`. */
export interface AutocovarianceExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  centre(input: number, n: number, x: number, countAt: number): number;
  lagSums(a: number, b: number, len: number, first: number, last: number, out: number): void;
  autocovariance(
    x: number,
    m: number,
    re: number,
    im: number,
    tw: number,
    perm: number,
    split: number,
    maxLag: number,
    out: number
  ): void;
}

let cached: AutocovarianceExports | null | undefined;

/**
 * The autocovariance kernel of this thread, compiled on first use; null where WebAssembly SIMD cannot run
 * (no SIMD, or a Content-Security-Policy without 'wasm-unsafe-eval'): significance/autocovarianceFft.ts
 * then transforms with fft.js. WHY no reason kept: the Gram kernel's notice (gramKernel.ts) already tells
 * the user why WebAssembly is off, and both kernels fail for the same reasons.
 */
export function autocovarianceKernel(): AutocovarianceExports | null {
  if (cached === undefined) {
    cached = instantiateKernel(decodeBase64(AUTOCOVARIANCE_KERNEL_BASE64))
      .exports as unknown as AutocovarianceExports | null;
  }
  return cached;
}
