import { aligned, float64View, growMemory } from '../correlation/wasm/kernelModule';
import { ksKernel } from '../correlation/wasm/ksKernel';
import { ksDistance, ksDistanceInKernel } from '../significance/ksDistance';
import { sampleOf, windowSample, type NullProcess, type WindowSample, type WindowSums } from './windowSample';

/** Grid points lo..hi−1 of a window. */
export interface WindowSpan {
  lo: number;
  hi: number;
}

/** One signal in both windows, with the two KS distances signalChange.ts tests. */
export interface WindowPair {
  baseline: WindowSample;
  incident: WindowSample;
  /** KS D of the values and of the first differences (NaN where a window has none). */
  dLevels: number;
  dDiffs: number;
}

/**
 * Both windows' samples of x (windowSample.ts, in `bBuffer` and `iBuffer`) and the KS distance of their
 * values and of their differences, the same doubles however they are computed. Windows with no missing
 * value go through the KS kernel once: both are copied into its memory, summed and differenced there
 * (windowStats), and tested where they lie. WHY: a compare samples and tests every signal, and in
 * JavaScript the three walks over each window plus the four copies into the kernel for the two tests cost
 * as much as the tests. Otherwise (a gap, no kernel) the samples are walked in JavaScript and tested by
 * ksDistance.
 */
export function windowPair(
  x: Float64Array,
  baseline: WindowSpan,
  incident: WindowSpan,
  process: NullProcess,
  bBuffer: Float64Array,
  iBuffer: Float64Array
): WindowPair {
  const inKernel = kernelPair(x, baseline, incident, process, bBuffer, iBuffer);
  if (inKernel) {
    return inKernel;
  }
  const b = windowSample(x, baseline.lo, baseline.hi, process, bBuffer);
  const i = windowSample(x, incident.lo, incident.hi, process, iBuffer);
  return {
    baseline: b,
    incident: i,
    dLevels: distance(b.values, i.values, b.range, i.range),
    dDiffs: distance(b.diffs, i.diffs, b.diffRange, i.diffRange),
  };
}

/** KS D of two samples whose extremes are ra and rb; NaN when one is empty. */
function distance(a: Float64Array, b: Float64Array, ra: [number, number], rb: [number, number]): number {
  return a.length === 0 || b.length === 0 ? NaN : ksDistance(a, b, pooled(ra, rb));
}

/** The smallest and largest value of two samples together, from each one's. */
function pooled(ra: [number, number], rb: [number, number]): [number, number] {
  return [Math.min(ra[0], rb[0]), Math.max(ra[1], rb[1])];
}

/** windowPair by the KS kernel; null where it cannot (no kernel or memory, a window under 2 points or not all finite). */
function kernelPair(
  ...[x, baseline, incident, process, bBuffer, iBuffer]: Parameters<typeof windowPair>
): WindowPair | null {
  const kernel = ksKernel();
  const nb = baseline.hi - baseline.lo;
  const ni = incident.hi - incident.lo;
  if (!kernel || nb < 2 || ni < 2) {
    return null;
  }
  // Byte offsets: each window's values and differences, the sums, the tests' work area.
  const bAt = aligned(kernel.heapBase());
  const bDiffs = aligned(bAt + 8 * nb);
  const iAt = aligned(bDiffs + 8 * nb);
  const iDiffs = aligned(iAt + 8 * ni);
  const out = aligned(iDiffs + 8 * ni);
  const work = aligned(out + 8 * 12);
  if (!growMemory(kernel.memory, work + kernel.workBytes(nb, ni))) {
    return null;
  }
  const mem = float64View(kernel.memory);
  const bValues = x.subarray(baseline.lo, baseline.hi);
  const iValues = x.subarray(incident.lo, incident.hi);
  mem.set(bValues, bAt / 8);
  mem.set(iValues, iAt / 8);
  if (kernel.windowStats(bAt, nb, bDiffs, out) === 0 || kernel.windowStats(iAt, ni, iDiffs, out + 48) === 0) {
    return null;
  }
  const [bs, is] = [sumsAt(mem, out / 8), sumsAt(mem, out / 8 + 6)];
  // The differences go where windowSample puts them, so the samples hold what its walk would give.
  const bd = bBuffer.subarray(nb, 2 * nb - 1);
  const id = iBuffer.subarray(ni, 2 * ni - 1);
  bd.set(mem.subarray(bDiffs / 8, bDiffs / 8 + nb - 1));
  id.set(mem.subarray(iDiffs / 8, iDiffs / 8 + ni - 1));
  const b = sampleOf(bValues, bd, bs, process);
  const i = sampleOf(iValues, id, is, process);
  return {
    baseline: b,
    incident: i,
    dLevels: ksDistanceInKernel(kernel, { a: bAt, b: iAt, work }, bValues, iValues, ...pooled(b.range, i.range)),
    dDiffs: ksDistanceInKernel(kernel, { a: bDiffs, b: iDiffs, work }, bd, id, ...pooled(b.diffRange, i.diffRange)),
  };
}

/** The six sums windowStats wrote at mem[at..at + 5]. */
function sumsAt(mem: Float64Array, at: number): WindowSums {
  return { sum: mem[at], min: mem[at + 1], max: mem[at + 2], ss: mem[at + 3], dMin: mem[at + 4], dMax: mem[at + 5] };
}
