/** @jest-environment node */
import { analyze, matrixEntries, type AnalyzeRequest, type AnalyzeResult } from '../stats';
import { resultTransferables } from './resultTransfer';

const noise = (n: number, seed: number) =>
  Array.from({ length: n }, (_, t) => Math.sin(seed * 12.9898 + t * 78.233) % 1);

/** Every matrix section: correlation, partial, all-pairs lags, compare. */
function fullResult(): AnalyzeResult {
  const T = 60;
  const request: AnalyzeRequest = {
    version: 1,
    series: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, values: noise(T, i + 1) })),
    grid: { start: 0, stepMs: 1000 },
    partial: { controls: ['d'] },
    lags: { maxLag: 3, all: true },
    compare: {
      incident: { from: 40_000, to: 59_000 },
      baseline: { kind: 'fixed', from: 0, to: 39_000 },
      targets: ['a'],
    },
  };
  return analyze(request);
}

it('lists every matrix buffer once, and structured clone moves them as Float64Arrays without a copy', () => {
  const result = fullResult();
  const entries = matrixEntries(result);
  expect(entries.map((e) => `${e.sectionKey}.${e.field}`)).toEqual(
    expect.arrayContaining(['correlation.r', 'partial.q', 'lags.bestLagMatrix', 'compare.deltaR'])
  );
  const copies = entries.map((e) => Float64Array.from(e.values));
  const transfer = resultTransferables(result);
  expect(new Set(transfer).size).toBe(transfer.length);
  expect(transfer).toHaveLength(new Set(entries.map((e) => e.values.buffer)).size);

  const received = structuredClone(result, { transfer });
  matrixEntries(received).forEach((e, k) => {
    expect(e.values).toBeInstanceOf(Float64Array);
    expect(e.values).toEqual(copies[k]);
  });
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
