import { lazyKernel } from './kernelModule';
import { KS_KERNEL_BASE64 } from './ksKernelBytes';

/** The exports of assembly/ks.ts (see there for the layout). Offsets are bytes into `memory`. */
export interface KsExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  workBytes(n: number, m: number): number;
  ksDistance(a: number, n: number, b: number, m: number, lo: number, hi: number, work: number): number;
  windowStats(x: number, n: number, diffs: number, out: number): number;
}

/** The KS kernel of this thread; null where it cannot run, and significance/ksDistance.ts searches in JavaScript. */
export const ksKernel = lazyKernel<KsExports>(KS_KERNEL_BASE64);
