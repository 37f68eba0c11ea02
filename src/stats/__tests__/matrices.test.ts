/** @jest-environment node */
/**
 * The result's N x N matrices are Float64Arrays with NaN for missing (contract/result.ts, FlatMatrix), in
 * every section, and their reasons Uint8Arrays of codes (ReasonMatrix); MATRIX_FIELDS and REASON_FIELDS
 * name each of them; resultToJson prints them as arrays with null and arrays of strings and null.
 */
import { analyze } from '../analyze';
import type { AnalyzeResult } from '../contract';
import { REASON_CODES, reasonAt } from '../contract/cells';
import { matrixEntries, reasonEntries } from '../contract/matrices';
import { resultToJson } from '../resultToJson';

const N = 5;
const T = 48;
const wave = (seed: number) =>
  Array.from({ length: T }, (_, t) => Math.sin(t * (0.3 + seed / 7)) + (seed % 3) * t * 0.01);

/** Every section with matrices: correlation, partial, all-pairs lags and compare; one series constant. */
function fullResult(): AnalyzeResult {
  return analyze({
    version: 1,
    series: Array.from({ length: N }, (_, i) => ({ id: `s${i}`, values: i === N - 1 ? Array(T).fill(2) : wave(i) })),
    grid: { start: 0, stepMs: 1000 },
    partial: { controls: ['s3'] },
    lags: { maxLag: 2, all: true },
    compare: {
      incident: { from: 30_000, to: 47_000 },
      baseline: { kind: 'fixed', from: 0, to: 29_000 },
      targets: ['s0'],
    },
  });
}

/** Paths of every value in the result that passes the test. */
function find(value: unknown, test: (v: unknown) => boolean, path = 'result', out: string[] = []): string[] {
  if (test(value)) {
    out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, k) => find(v, test, `${path}[${k}]`, out));
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    Object.entries(value).forEach(([k, v]) => find(v, test, `${path}.${k}`, out));
  }
  return out;
}

const result = fullResult();
const listed = matrixEntries(result).map((e) => `result.${e.sectionKey}.${e.field}`);
const listedReasons = reasonEntries(result).map((e) => `result.${e.sectionKey}.${e.field}`);

it('has a matrix in every section that holds one', () => {
  expect(listed).toEqual(
    expect.arrayContaining([
      'result.correlation.r',
      'result.partial.nEff',
      'result.lags.bestRMatrix',
      'result.compare.qDelta',
    ])
  );
  expect(listed).toHaveLength(8 + 6 + 2 + 5);
});

it('keeps no N x N statistic or reason as a plain array: cells of N*N or (N-1)^2 are typed arrays', () => {
  const sizes = [N * N, (N - 1) * (N - 1)];
  const cell = (x: unknown) => x === null || typeof x === 'number' || typeof x === 'string';
  const plain = find(result, (v) => Array.isArray(v) && sizes.includes(v.length) && v.every(cell));
  expect(plain).toEqual([]);
});

it('lists every Float64Array of the result in MATRIX_FIELDS (what the worker transfers and the CLI converts)', () => {
  expect(find(result, (v) => v instanceof Float64Array).sort()).toEqual([...listed].sort());
});

it('lists every Uint8Array of the result in REASON_FIELDS: the reasons of the plain and the partial matrix', () => {
  expect(listedReasons).toEqual(['result.correlation.reason', 'result.partial.reason']);
  expect(find(result, (v) => v instanceof Uint8Array).sort()).toEqual(listedReasons);
  expect(result.correlation!.reason).toHaveLength(N * N);
  expect(result.partial!.reason).toHaveLength((N - 1) * (N - 1));
});

it('writes missing cells as NaN, never as an infinity', () => {
  const c = result.correlation!;
  // s4 is constant: its row has no r, p or interval; the reason says why.
  expect(Number.isNaN(c.r[0 * N + 4])).toBe(true);
  expect(reasonAt(c.reason, 0 * N + 4)).toBe('constant');
  for (const { values } of matrixEntries(result)) {
    expect(values.every((v) => Number.isFinite(v) || Number.isNaN(v))).toBe(true);
  }
});

it('resultToJson prints the matrices as arrays with null, and leaves the result as it was', () => {
  const json = resultToJson(result);
  const c = result.correlation!;
  expect(json.correlation!.r).toEqual(Array.from(c.r, (v) => (Number.isNaN(v) ? null : v)));
  expect(json.correlation!.n).toEqual(Array.from(c.n));
  expect(json.series).toBe(result.series);
  expect(c.r).toBeInstanceOf(Float64Array);
  expect(Object.keys(json)).toEqual(Object.keys(result));
  expect(Object.keys(json.correlation!)).toEqual(Object.keys(c));
  expect(
    find(JSON.parse(JSON.stringify(json)), (v) => v !== null && typeof v === 'object' && '0' in v && !Array.isArray(v))
  ).toEqual([]);
});

it('resultToJson prints the reasons as arrays of reason strings and null, cell by cell as reasonAt reads them', () => {
  const json = resultToJson(result);
  for (const section of ['correlation', 'partial'] as const) {
    const reason = result[section]!.reason;
    const printed = json[section]!.reason;
    expect(Array.isArray(printed)).toBe(true);
    expect(printed).toEqual(Array.from(reason, (_, c) => reasonAt(reason, c)));
    expect(printed.every((x) => x === null || (REASON_CODES as readonly string[]).includes(x))).toBe(true);
  }
  // s4 is constant: its row and column say so, in JSON as the string.
  expect(json.correlation!.reason[0 * N + 4]).toBe('constant');
  expect(json.correlation!.reason[4 * N + 0]).toBe('constant');
  expect(result.correlation!.reason).toBeInstanceOf(Uint8Array);
});
