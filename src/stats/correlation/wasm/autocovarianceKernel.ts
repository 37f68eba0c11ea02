import { AUTOCOVARIANCE_KERNEL_BASE64 } from './autocovarianceKernelBytes';
import { lazyKernel } from './kernelModule';

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
    tw2: number,
    perm2: number,
    maxLag: number,
    out: number
  ): void;
}

/**
 * The autocovariance kernel of this thread; null where it cannot run, and significance/
 * seriesAutocovariance.ts then sums and transforms in JavaScript (fft.js).
 */
export const autocovarianceKernel = lazyKernel<AutocovarianceExports>(AUTOCOVARIANCE_KERNEL_BASE64);
