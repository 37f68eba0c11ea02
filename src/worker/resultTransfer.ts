/**
 * The big parts of a result are N x N matrices: at 500 signals, ten of them hold 2.5 million numbers.
 * Sent as JSON-like arrays they are copied element by element on the main thread (tens of ms of
 * blocking). The worker packs them into Float64Arrays (null as NaN) and transfers the buffers;
 * the page unpacks them back into the contract's arrays (null for missing).
 */
import { nextTask } from '../shared/nextTask';
import { copyToFloat64, toJsonArray, type AnalyzeResult } from '../stats';

type Matrix = Array<number | null>;
type Packed = Float64Array;

/** Where the flat matrices live in a result, as [section, field] pairs. */
const MATRICES: Array<[keyof AnalyzeResult, string]> = [
  ['correlation', 'r'],
  ['correlation', 'p'],
  ['correlation', 'pNaive'],
  ['correlation', 'q'],
  ['correlation', 'nEff'],
  ['correlation', 'ciLow'],
  ['correlation', 'ciHigh'],
  ['partial', 'r'],
  ['partial', 'p'],
  ['partial', 'pNaive'],
  ['partial', 'q'],
  ['partial', 'nEff'],
  ['lags', 'bestLagMatrix'],
  ['lags', 'bestRMatrix'],
];

function sectionOf(result: AnalyzeResult, key: keyof AnalyzeResult): Record<string, unknown> | undefined {
  return result[key] as Record<string, unknown> | undefined;
}

/** In the worker: matrices become Float64Arrays; returns the buffers to transfer. */
export function packResult(result: AnalyzeResult): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const [key, field] of MATRICES) {
    const section = sectionOf(result, key);
    const values = section?.[field] as Matrix | undefined;
    if (!section || !Array.isArray(values)) {
      continue;
    }
    const packed = copyToFloat64(values);
    section[field] = packed;
    buffers.push(packed.buffer);
  }
  return buffers;
}

/**
 * On the page: Float64Arrays back into the contract's arrays, NaN as null, one matrix per task so the
 * page stays responsive (each is a few ms at 500 signals; all of them at once would not be).
 */
export async function unpackResult(result: AnalyzeResult): Promise<AnalyzeResult> {
  for (const [key, field] of MATRICES) {
    const section = sectionOf(result, key);
    const packed = section?.[field] as Packed | undefined;
    if (!section || !(packed instanceof Float64Array)) {
      continue;
    }
    await nextTask();
    section[field] = toJsonArray(packed);
  }
  return result;
}
