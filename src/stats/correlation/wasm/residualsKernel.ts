import { lazyKernel } from './kernelModule';
import { RESIDUALS_KERNEL_BASE64 } from './residualsKernelBytes';

/** The exports of assembly/residuals.ts (see there for the layout). Offsets are bytes into `memory`. */
export interface ResidualsExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  residuals(
    x: number,
    m: number,
    mx: number,
    rows: number,
    cols: number,
    k: number,
    pinv: number,
    aty: number,
    beta: number,
    out: number
  ): void;
  seriesSums(x: number, m: number, out: number): void;
  crossSum(a: number, ma: number, b: number, mb: number, m: number): number;
}

/** The residuals kernel of this thread; null where it cannot run, and partial/residualize.ts fits in JavaScript. */
export const residualsKernel = lazyKernel<ResidualsExports>(RESIDUALS_KERNEL_BASE64);
