import { autocovarianceKernel } from '../correlation/wasm/autocovarianceKernel';
import { aligned, claimMemory, float64View, growMemory } from '../correlation/wasm/kernelModule';

/**
 * centreInto of x with no missing value, by the autocovariance kernel's `centre` (assembly/
 * autocovariance.ts), into out[offset..]: the same doubles as centre.ts's centreComplete, whose four lanes
 * and whose last n mod 4 values the kernel adds in the same order. Null where there is no kernel or
 * memory, or a value is missing: centre.ts then centres in JavaScript. WHY: centring walks a series three
 * times, and in JavaScript each walk waits on its running sums value by value; a compare centres every
 * incident slice for its lag curves.
 */
export function centreByKernel(
  x: Float64Array,
  out: Float64Array,
  offset: number
): { count: number; ss: number } | null {
  const kernel = autocovarianceKernel();
  if (!kernel) {
    return null;
  }
  const n = x.length;
  const input = aligned(kernel.heapBase());
  const centred = aligned(input + 8 * n);
  const countAt = aligned(centred + 8 * n);
  if (!growMemory(kernel.memory, countAt + 8)) {
    return null;
  }
  // The series lies over the buffers (and perhaps the tables) of the kernel's autocovariance plans: the
  // next one to run writes its tables again.
  claimMemory(kernel.memory, null);
  const mem = float64View(kernel.memory);
  mem.set(x, input / 8);
  const ss = kernel.centre(input, n, centred, countAt);
  if (mem[countAt / 8] !== n) {
    return null;
  }
  out.set(mem.subarray(centred / 8, centred / 8 + n), offset);
  return { count: n, ss };
}
