/** @jest-environment node */
import { analyze } from '../analyze';
import { reasonAt } from '../contract/cells';
import type { AnalyzeResult, WarningCode } from '../contract';

const codes = (r: AnalyzeResult): WarningCode[] => r.warnings.map((w) => w.code);
const ts = (n: number, step = 1000) => Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i * step);
const noise = (n: number, k = 1) => Array.from({ length: n }, (_, i) => Math.sin(i * 1.7 * k) + Math.cos(i * 0.3 + k));

describe('bad input never throws and gives coded warnings', () => {
  it.each([
    ['undefined', undefined, 'INVALID_REQUEST'],
    ['a string', 'hello', 'INVALID_REQUEST'],
    ['an array', [], 'INVALID_REQUEST'],
    ['wrong version', { version: 2, series: [] }, 'UNSUPPORTED_VERSION'],
    ['no series', { version: 1, series: [] }, 'NO_SERIES'],
    ['series without values', { version: 1, series: [{ id: 'a' }] }, 'INVALID_REQUEST'],
  ])('%s', (_label, req, code) => {
    const res = analyze(req);
    expect(codes(res)).toContain(code);
    expect(res.version).toBe(1);
    expect(() => JSON.stringify(res)).not.toThrow();
  });

  it('empty series', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: [], timestamps: [] },
        { id: 'b', values: noise(10), timestamps: ts(10) },
      ],
    });
    expect(codes(res)).toContain('EMPTY_SERIES');
    expect(res.correlation!.r[1]).toBeNaN();
    expect(reasonAt(res.correlation!.reason, 1)).toBe('insufficient_overlap');
  });

  it('single point', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: [1], timestamps: [5] },
        { id: 'b', values: [2], timestamps: [5] },
      ],
    });
    expect(codes(res)).toEqual(expect.arrayContaining(['STEP_UNKNOWN', 'TOO_FEW_POINTS']));
    expect(res.correlation!.r).toEqual(new Float64Array(4).fill(NaN));
    expect(reasonAt(res.correlation!.reason, 0)).toBe('too_few_points');
  });

  it('all-NaN and null values', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: [NaN, null, NaN] },
        { id: 'b', values: [1, 2, 3] },
      ],
    });
    expect(codes(res)).toContain('ALL_MISSING');
    expect(res.series[0].status).toBe('all_missing');
    expect(res.correlation!.r[1]).toBeNaN();
  });

  it('Infinity is missing, with a warning', () => {
    const a = noise(20);
    a[3] = Infinity;
    a[7] = -Infinity;
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: a },
        { id: 'b', values: noise(20, 2) },
      ],
    });
    expect(codes(res)).toContain('NON_FINITE_VALUES');
    expect(res.correlation!.n[1]).toBe(18);
    expect(res.correlation!.r[1]).not.toBeNaN();
  });

  it('constant series: no number, a reason, never a fake 0', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: [3, 3, 3, 3, 3] },
        { id: 'b', values: [1, 2, 3, 4, 6] },
      ],
      lags: { maxLag: 2 },
    });
    expect(codes(res)).toContain('CONSTANT_SERIES');
    expect(res.correlation!.r[1]).toBeNaN();
    expect(res.correlation!.p[1]).toBeNaN();
    expect(reasonAt(res.correlation!.reason, 1)).toBe('constant');
    expect(res.lags!.pairs[0].reason).toBe('constant');
  });

  it('0.1 repeated (mean not exactly 0.1) is still constant', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: Array(7).fill(0.1) },
        { id: 'b', values: noise(7) },
      ],
    });
    expect(reasonAt(res.correlation!.reason, 1)).toBe('constant');
  });

  it('mismatched lengths are truncated with a warning', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: noise(10), timestamps: ts(8) },
        { id: 'b', values: noise(8, 3), timestamps: ts(8) },
      ],
    });
    expect(codes(res)).toContain('LENGTH_MISMATCH');
    expect(res.correlation!.n[1]).toBe(8);
  });

  it('unsorted and duplicate timestamps are sorted and bucketed', () => {
    const t = ts(10);
    const v = noise(10);
    const order = [3, 1, 0, 2, 9, 8, 7, 4, 5, 6];
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: order.map((i) => v[i]), timestamps: order.map((i) => t[i]) },
        { id: 'b', values: [...v, 100], timestamps: [...t, t[9]] },
      ],
      align: { aggregation: 'last' },
    });
    expect(codes(res)).toEqual(expect.arrayContaining(['UNSORTED_TIMESTAMPS', 'DUPLICATE_TIMESTAMPS']));
    expect(res.grid!.length).toBe(10);
    expect(res.correlation!.n[1]).toBe(10);
  });

  it('duplicate series ids and non-finite timestamps', () => {
    const t: Array<number | null> = ts(6);
    t[2] = null;
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: noise(6), timestamps: t },
        { id: 'a', values: noise(6) },
      ],
    });
    expect(codes(res)).toEqual(expect.arrayContaining(['DUPLICATE_SERIES_ID', 'NON_FINITE_TIMESTAMPS']));
  });

  it('limits cap series, points, lags and lag pairs', () => {
    const series = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, values: noise(100, i + 1) }));
    const res = analyze({
      version: 1,
      series,
      limits: { maxSeries: 3, maxPoints: 50, maxLag: 4, maxLagPairs: 2 },
      lags: { maxLag: 10 },
    });
    expect(res.series.length).toBe(3);
    expect(res.grid!.length).toBe(50);
    expect(res.lags!.maxLag).toBe(4);
    expect(res.lags!.pairs.length).toBe(3);
    expect(res.lags!.pairs.filter((p) => p.reason === 'skipped').length).toBe(1);
    expect(codes(res).filter((c) => c === 'LIMIT_EXCEEDED').length).toBe(4);
  });

  it('an unknown transform is an error (nothing analysed); an unknown control or lag series is a warning', () => {
    const bad = analyze({
      version: 1,
      series: [
        { id: 'a', values: noise(10), transform: { type: 'bogus' } as never },
        { id: 'b', values: noise(10, 2) },
      ],
    });
    expect(codes(bad)).toContain('UNKNOWN_OPTION');
    expect(bad.correlation).toBeUndefined();
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: noise(10) },
        { id: 'b', values: noise(10, 2) },
      ],
      partial: { controls: ['nope'] },
      lags: { maxLag: 2, pairs: [['a', 'zzz']] },
    });
    expect(codes(res)).toContain('UNKNOWN_SERIES');
    expect(res.correlation).toBeDefined();
  });

  it('cancellation returns a partial result with CANCELLED', () => {
    const series = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, values: noise(500, i + 1) }));
    let calls = 0;
    const res = analyze({ version: 1, series, lags: { maxLag: 10 } }, { isCancelled: () => ++calls > 3 });
    expect(res.cancelled).toBe(true);
    expect(codes(res)).toContain('CANCELLED');
  });

  it('reports progress', () => {
    const seen: number[] = [];
    analyze(
      {
        version: 1,
        series: [
          { id: 'a', values: noise(50) },
          { id: 'b', values: noise(50, 2) },
        ],
      },
      { onProgress: (f) => seen.push(f) }
    );
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('Float64Array input works like arrays', () => {
    const a = noise(30);
    const b = noise(30, 2);
    const r1 = analyze({
      version: 1,
      series: [
        { id: 'a', values: a },
        { id: 'b', values: b },
      ],
    });
    const r2 = analyze({
      version: 1,
      series: [
        { id: 'a', values: Float64Array.from(a) },
        { id: 'b', values: Float64Array.from(b) },
      ],
    });
    expect(r2.correlation).toEqual(r1.correlation);
  });
});
