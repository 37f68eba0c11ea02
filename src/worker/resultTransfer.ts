/**
 * The big parts of a result are its N x N matrices, Float64Arrays (FlatMatrix in the contract), and their
 * reasons, Uint8Arrays of codes (ReasonMatrix): at 500 signals, ten matrices hold 2.5 million numbers.
 * postMessage moves their buffers to the page instead of copying them (structured clone keeps the typed
 * arrays as they are); the page reads them as they come.
 */
import { matrixEntries, reasonEntries, type AnalyzeResult } from '../stats';
import { buffersOf, isMovable } from './transferables';

/**
 * In the worker: the buffers to transfer with the result, once each. A matrix that is a view on part of
 * a buffer (or on memory that cannot move) is replaced by a copy of its cells first: structured clone
 * would send the whole buffer behind a view, and transferring it would detach the other views on it.
 */
export function resultTransferables(result: AnalyzeResult): ArrayBuffer[] {
  const views: ArrayBufferView[] = [];
  for (const entry of [...matrixEntries(result), ...reasonEntries(result)]) {
    let values: Float64Array | Uint8Array = entry.values;
    if (!ownsBuffer(values)) {
      values = values.slice();
      entry.section[entry.field] = values;
    }
    views.push(values);
  }
  return buffersOf(views);
}

/** The view covers a whole, movable ArrayBuffer (tag check: not a SharedArrayBuffer). */
function ownsBuffer(values: ArrayBufferView): boolean {
  return isMovable(values.buffer) && values.byteOffset === 0 && values.byteLength === values.buffer.byteLength;
}
