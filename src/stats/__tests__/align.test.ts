/** @jest-environment node */
import { analyze } from '../analyze';
import { bucketize } from '../align/bucketize';
import { fillGaps } from '../align/fillGaps';
import { inferStep } from '../align/inferStep';
import { counterRate } from '../transforms/counterRate';
import { rollingMean } from '../transforms/rollingMean';

const arr = (f: Float64Array) => Array.from(f, (v) => (Number.isNaN(v) ? null : v));

describe('alignment', () => {
  it('infers the step as the largest per-series median spacing', () => {
    expect(inferStep([Float64Array.from([0, 10, 20, 30, 50]), Float64Array.from([0, 15, 30, 45])])).toBe(15);
  });
  it('buckets by mean and last', () => {
    const t = Float64Array.from([0, 400, 1000, 2500, 2600]);
    const v = Float64Array.from([1, 3, 5, 7, 9]);
    expect(arr(bucketize(t, v, 0, 1000, 4, 'mean'))).toEqual([2, 5, 8, null]);
    expect(arr(bucketize(t, v, 0, 1000, 4, 'last'))).toEqual([3, 5, 9, null]);
  });
  it('fills interior gaps up to maxGap only', () => {
    const x = Float64Array.from([1, NaN, 3, NaN, NaN, 6, NaN]);
    fillGaps(x, 'linear', 2);
    expect(arr(x)).toEqual([1, 2, 3, 4, 5, 6, null]);
    const y = Float64Array.from([NaN, 1, NaN, NaN, 4]);
    fillGaps(y, 'previous', 1);
    expect(arr(y)).toEqual([null, 1, null, null, 4]);
  });
  it('aligns series with different timestamps onto one grid with pairwise-complete counts', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', timestamps: [0, 60000, 120000, 180000, 240000], values: [1, 2, 3, 4, 5] },
        { id: 'b', timestamps: [1000, 61000, 125000, 241000], values: [2, 4, 6, 10] },
      ],
      grid: { stepMs: 60000 },
      includeAligned: true,
    });
    expect(res.grid).toMatchObject({ start: 0, stepMs: 60000, length: 5, stepInferred: false });
    expect(res.series[1].values).toEqual([2, 4, 6, null, 10]);
    expect(res.correlation!.n[1]).toBe(4);
  });
});

describe('transforms', () => {
  it('counter rate handles resets as a restart from 0', () => {
    const r = counterRate(Float64Array.from([10, 20, 5, 15]), 10000);
    expect(arr(r.values)).toEqual([null, 1, 0.5, 1]);
    expect(r.resets).toBe(1);
  });
  it('rolling mean with min periods', () => {
    expect(arr(rollingMean(Float64Array.from([1, 2, NaN, 4]), 2, 1))).toEqual([1, 1.5, 2, 4]);
    expect(arr(rollingMean(Float64Array.from([1, 2, NaN, 4]), 2))).toEqual([null, 1.5, null, null]);
  });
  it('applies chains from transforms.default and bySeries', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: [1, 2, 4, 8, 16] },
        { id: 'b', values: [1, 3, 2, 5, 4] },
      ],
      transforms: { default: { type: 'log' }, bySeries: { b: [{ type: 'diff' }, { type: 'zscore' }] } },
      includeAligned: true,
    });
    expect(res.series[0].transforms).toEqual(['log']);
    expect(res.series[1].transforms).toEqual(['diff', 'zscore']);
    expect(res.series[0].values![4]).toBeCloseTo(Math.log(16), 12);
  });
});
