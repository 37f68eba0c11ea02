/** @jest-environment node */
// The rules that have one home (lag convention, missing values, drift series id, z-score without spread).
import fc from 'fast-check';
import { analyze } from '../analyze';
import { driftSeriesId, driftSeriesName, isDriftSeriesId } from '../drift/seriesId';
import { lagAsAsked, LAG_CONVENTION, reverseCurve, reverseLag } from '../lags/convention';
import { pairStats } from '../pairStats';
import { zScore } from '../transforms/zScore';
import { copyToFloat64, finiteOrNull, numberOrNaN, toFloat64, toJsonArray } from '../util/missing';

describe('lag convention', () => {
  it('reversing twice gives the lag back, and never -0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        (k) => reverseLag(reverseLag(k)) === k && !Object.is(reverseLag(k), -0)
      )
    );
    expect(reverseLag(null)).toBeNull();
    expect(lagAsAsked(3, 'a', 'a')).toBe(3);
    expect(lagAsAsked(3, 'b', 'a')).toBe(-3);
    expect(reverseCurve([1, 2, 3])).toEqual([3, 2, 1]);
  });

  it('a pair computed as (b, a) reads as the curve of (a, b) reversed', () => {
    const n = 120;
    const a = Array.from({ length: n }, (_, t) => Math.sin(t / 5) + 0.3 * Math.cos(t * 1.7));
    const b = Array.from({ length: n }, (_, t) => (t >= 2 ? a[t - 2] : 0));
    const run = (pairs: Array<[string, string]>) =>
      analyze({
        version: 1,
        series: [
          { id: 'a', values: a },
          { id: 'b', values: b },
        ],
        lags: { maxLag: 5, pairs },
      });
    const ab = run([['a', 'b']]);
    const ba = run([['b', 'a']]);
    expect(ab.lags!.convention).toBe(LAG_CONVENTION);
    expect(ba.lags!.pairs[0].r).toEqual(reverseCurve(ab.lags!.pairs[0].r!));
    expect(ba.lags!.pairs[0].bestLag).toBe(reverseLag(ab.lags!.pairs[0].bestLag));
    expect(pairStats(ba, 'a', 'b')!.bestLag).toBe(ab.lags!.pairs[0].bestLag);
  });
});

describe('missing values', () => {
  it('are NaN inside and null outside', () => {
    expect([1, NaN, Infinity, -Infinity, null, undefined].map(finiteOrNull)).toEqual([1, null, null, null, null, null]);
    expect([null, undefined, '2.5', 3].map(numberOrNaN)).toEqual([NaN, NaN, 2.5, 3]);
    expect(Array.from(toFloat64([1, null, 2]))).toEqual([1, NaN, 2]);
    expect(toJsonArray(Float64Array.from([1, NaN, Infinity]))).toEqual([1, null, null]);
  });

  it('copyToFloat64 always copies, toFloat64 never copies a Float64Array', () => {
    const x = Float64Array.from([1, 2]);
    expect(toFloat64(x)).toBe(x);
    expect(copyToFloat64(x)).not.toBe(x);
    expect(Array.from(copyToFloat64(x))).toEqual([1, 2]);
  });
});

describe('drift series id', () => {
  it('is built and recognised in one place', () => {
    expect(driftSeriesId('latency', 'psi')).toBe('drift:latency:psi');
    expect(driftSeriesName('latency', 'psi')).toBe('latency drift (psi)');
    expect(isDriftSeriesId(driftSeriesId('x', 'ks'))).toBe(true);
    expect(isDriftSeriesId('cpu')).toBe(false);
  });
});

describe('z-score of a series without spread', () => {
  it('is missing for the transform and 0 where finite for drawing', () => {
    const flat = Float64Array.from([4, NaN, 4, 4]);
    expect(Array.from(zScore(flat)).every(Number.isNaN)).toBe(true);
    expect(toJsonArray(zScore(flat, { noSpread: 'zero' }))).toEqual([0, null, 0, 0]);
    expect(toJsonArray(zScore(Float64Array.from([7, NaN]), { noSpread: 'zero' }))).toEqual([0, null]);
  });
});
