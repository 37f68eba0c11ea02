import { dataFrameToJSON, type DataFrame } from '@grafana/data';
import { analyze, reasonAt, type AnalyzeResult } from '../../stats';
import { MatrixField } from '../frameContract';
import { nextTask } from '../nextTask';
import { resultToFrames, resultToFramesInTasks } from './index';

jest.mock('../nextTask', () => ({ nextTask: jest.fn(() => Promise.resolve()) }));

const T = 30;
const wave = (k: number) => Array.from({ length: T }, (_, t) => Math.sin(t / k) + t / (10 * k));

/** Three series, one constant: its cells have no r, p or interval (NaN in the engine's matrices). */
function result(): AnalyzeResult {
  return analyze({
    version: 1,
    series: [
      { id: 'a', values: wave(2) },
      { id: 'b', values: wave(3) },
      { id: 'flat', values: Array(T).fill(1) },
    ],
  });
}

const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values;

it('turns the engine matrices (Float64Array, NaN for missing) into plain columns with null for missing', () => {
  const res = result();
  const frame = resultToFrames(res, { refId: 'A', signals: [] })[0];
  const c = res.correlation!;
  for (const [name, values] of [
    [MatrixField.R, c.r],
    [MatrixField.P, c.p],
    [MatrixField.Q, c.q],
    [MatrixField.N, c.n],
    [MatrixField.NEff, c.nEff],
    [MatrixField.CiLow, c.ciLow],
    [MatrixField.CiHigh, c.ciHigh],
  ] as const) {
    const field = column(frame, name);
    expect(Array.isArray(field)).toBe(true);
    expect(field).toEqual(Array.from(values, (v) => (Number.isNaN(v) ? null : v)));
  }
  expect(column(frame, MatrixField.R)[0 * 3 + 2]).toBeNull();
  // The engine's reason codes become the strings users read, '' where the cell has its numbers.
  const reasons = column(frame, MatrixField.Reason);
  expect(Array.isArray(reasons)).toBe(true);
  expect(reasons).toEqual(Array.from(c.reason, (_, k) => reasonAt(c.reason, k) ?? ''));
  expect(reasons[0 * 3 + 2]).toBe('constant');
  expect(reasons[0 * 3 + 1]).toBe('');
  // A frame's JSON (query inspector, snapshots) keeps the columns as arrays.
  expect(Array.isArray(JSON.parse(JSON.stringify(dataFrameToJSON(frame))).data.values[2])).toBe(true);
});

it('resultToFramesInTasks builds the same frames, the matrix columns one per task', async () => {
  const res = result();
  const sync = resultToFrames(res, { refId: 'A', signals: [] });
  expect(await resultToFramesInTasks(res, { refId: 'A', signals: [] })).toEqual(sync);
  // r, p, q, n, nEff, ciLow, ciHigh, then the frames.
  expect(nextTask).toHaveBeenCalledTimes(8);
});

it("carries the engine's kernel and worker count for r in meta.custom, and neither when the engine gave none", () => {
  const res = result();
  const matrix = (r: AnalyzeResult) => resultToFrames(r, { refId: 'A', signals: [] })[0].meta?.custom;
  const kernel = res.correlation!.kernel;
  expect(kernel).toBeDefined();
  expect(matrix(res)).toMatchObject({ kernel, workers: res.correlation!.workers });
  const split = { ...res, correlation: { ...res.correlation!, kernel: 'relaxed-simd', workers: 2 } } as AnalyzeResult;
  expect(matrix(split)).toMatchObject({ kernel: 'relaxed-simd', workers: 2 });
  const none = { ...res, correlation: { ...res.correlation!, kernel: undefined, workers: undefined } };
  expect(matrix(none)).not.toHaveProperty('kernel');
  expect(matrix(none)).not.toHaveProperty('workers');
});
