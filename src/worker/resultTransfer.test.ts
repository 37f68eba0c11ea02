/** @jest-environment node */
import {
  analyze,
  matrixEntries,
  reasonAt,
  reasonCodeOf,
  reasonEntries,
  resultToJson,
  type AnalyzeResult,
} from '../stats';
import { resultTransferables } from './resultTransfer';

const matrix = (...cells: number[]) => Float64Array.from(cells);
const reasons = (...cells: Array<Parameters<typeof reasonCodeOf>[0]>) => Uint8Array.from(cells, reasonCodeOf);

/** A hand-built result with matrices in every section and reasons in two; one matrix object sits in two fields. */
function handBuiltResult(): AnalyzeResult {
  const shared = matrix(1, NaN, NaN, 1);
  return {
    correlation: {
      ids: ['a', 'b'],
      r: shared,
      p: matrix(NaN, 0.01, 0.01, NaN),
      n: matrix(9, 9, 9, 9),
      reason: reasons(null, 'constant', 'constant', null),
    },
    partial: {
      ids: ['a', 'b'],
      r: matrix(1, 0.2, 0.2, 1),
      q: matrix(NaN, 0.3, 0.3, NaN),
      reason: reasons(null, null, null, null),
    },
    lags: { pairs: [], bestLagMatrix: matrix(NaN, 2, -2, NaN), bestRMatrix: shared },
    compare: { ids: ['a', 'b'], deltaR: matrix(0, 0.5, 0.5, 0) },
  } as unknown as AnalyzeResult;
}

it('lists every matrix and reason buffer once, and structured clone moves them as typed arrays without a copy', () => {
  const result = handBuiltResult();
  const entries = [...matrixEntries(result), ...reasonEntries(result)];
  expect(entries).toHaveLength(8 + 2);
  const copies = entries.map((e) => e.values.slice());
  const transfer = resultTransferables(result);
  expect(new Set(transfer).size).toBe(transfer.length);
  expect(transfer).toHaveLength(7 + 2);

  const received = structuredClone(result, { transfer });
  const arrived = [...matrixEntries(received), ...reasonEntries(received)];
  expect(arrived).toHaveLength(entries.length);
  arrived.forEach((e, k) => {
    // The same kind of typed array (by tag: structured clone here returns the host realm's Float64Array).
    expect(Object.prototype.toString.call(e.values)).toBe(Object.prototype.toString.call(copies[k]));
    expect(Array.from(e.values)).toEqual(Array.from(copies[k]));
  });
  expect(received.lags!.bestRMatrix).toBe(received.correlation!.r);
  expect(reasonAt(received.correlation!.reason, 1)).toBe('constant');
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

it("an engine result's reasons come through the transfer as they left: the same codes and the same JSON", () => {
  const T = 40;
  const result = analyze({
    version: 1,
    series: [
      { id: 'x', values: Array.from({ length: T }, (_, t) => Math.sin(t / 3)) },
      { id: 'flat', values: new Array(T).fill(5) },
      { id: 'short', values: Array.from({ length: T }, (_, t) => (t < 2 ? t : null)) },
      { id: 'y', values: Array.from({ length: T }, (_, t) => Math.cos(t / 4) + t / T) },
    ],
    grid: { start: 0, stepMs: 1000 },
    partial: { controls: ['y'] },
  });
  const before = JSON.stringify(resultToJson(result));
  const codes = reasonEntries(result).map((e) => e.values.slice());
  expect(codes.some((c) => c.some((k) => k !== 0))).toBe(true);

  const received = structuredClone(result, { transfer: resultTransferables(result) });
  expect(received.correlation!.reason).toBeInstanceOf(Uint8Array);
  expect(reasonEntries(received).map((e) => e.values)).toEqual(codes);
  expect(JSON.stringify(resultToJson(received))).toBe(before);
  expect(JSON.parse(before).correlation.reason).toContain('constant');
});
