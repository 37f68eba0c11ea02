/** @jest-environment node */
import { matrixEntries, type AnalyzeResult } from '../stats';
import { resultTransferables } from './resultTransfer';

const matrix = (...cells: number[]) => Float64Array.from(cells);

/** A hand-built result with matrices in every section; one matrix object sits in two fields. */
function handBuiltResult(): AnalyzeResult {
  const shared = matrix(1, NaN, NaN, 1);
  return {
    correlation: { ids: ['a', 'b'], r: shared, p: matrix(NaN, 0.01, 0.01, NaN), n: matrix(9, 9, 9, 9) },
    partial: { ids: ['a', 'b'], r: matrix(1, 0.2, 0.2, 1), q: matrix(NaN, 0.3, 0.3, NaN) },
    lags: { pairs: [], bestLagMatrix: matrix(NaN, 2, -2, NaN), bestRMatrix: shared },
    compare: { ids: ['a', 'b'], deltaR: matrix(0, 0.5, 0.5, 0) },
  } as unknown as AnalyzeResult;
}

it('lists every matrix buffer once, and structured clone moves them as Float64Arrays without a copy', () => {
  const result = handBuiltResult();
  const entries = matrixEntries(result);
  expect(entries).toHaveLength(8);
  const copies = entries.map((e) => Float64Array.from(e.values));
  const transfer = resultTransferables(result);
  expect(new Set(transfer).size).toBe(transfer.length);
  expect(transfer).toHaveLength(7);

  const received = structuredClone(result, { transfer });
  matrixEntries(received).forEach((e, k) => {
    expect(e.values).toBeInstanceOf(Float64Array);
    expect(e.values).toEqual(copies[k]);
  });
  expect(received.lags!.bestRMatrix).toBe(received.correlation!.r);
  // Moved, not copied: the worker's buffers are detached.
  expect(entries.every((e) => e.values.buffer.byteLength === 0)).toBe(true);
});

it('sends a matrix that views part of a larger buffer as a copy of its own cells', () => {
  const backing = new Float64Array(10).fill(7);
  const view = backing.subarray(2, 6);
  const result = { correlation: { r: view } } as unknown as AnalyzeResult;
  const transfer = resultTransferables(result);
  const r = result.correlation!.r;
  expect(r).not.toBe(view);
  expect(r).toEqual(new Float64Array(4).fill(7));
  expect(transfer).toEqual([r.buffer]);
  expect(transfer[0]).not.toBe(backing.buffer);
});
