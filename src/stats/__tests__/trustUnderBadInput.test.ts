/** @jest-environment node */
/**
 * Regression tests of the engine defects found by trying bad input ("Trust under bad input"): each
 * `describe` is named for the defect it pins down. Reference values come from committed SciPy/pandas
 * fixtures (scripts/reference/*.py), never from the code under test.
 */
import { analyze } from '../analyze';
import { reasonAt } from '../contract/cells';
import type { AnalyzeRequest, AnalyzeResult, WarningCode } from '../contract';
import { rollingMean } from '../transforms/rollingMean';
import { expectClose, normal, readFixture, rng } from './helpers';

const codes = (r: AnalyzeResult): WarningCode[] => r.warnings.map((w) => w.code);
const noise = (n: number, seed: number): number[] => {
  const g = normal(rng(seed));
  return Array.from({ length: n }, () => g());
};

describe('rolling mean near 1e9 with one huge value (running-sum error)', () => {
  const fx = readFixture('robustness.json').rolling_mean_offset;

  it('equals the exactly rounded window means (math.fsum) and pandas', () => {
    const out = rollingMean(Float64Array.from(fx.x), fx.window);
    fx.exact_x.forEach((e: number | null, i: number) => expectClose(out[i], e, 1e-15, 0, `exact i=${i}`));
    fx.pandas_x.forEach((e: number | null, i: number) => expectClose(out[i], e, 1e-15, 0, `pandas i=${i}`));
  });

  it('a signal minus its own offset still moves with the signal (exact and SciPy r after the spike)', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'x', values: fx.x },
        { id: 'y', values: fx.y },
      ],
      transforms: { default: { type: 'rollingMean', window: fx.window } },
      grid: { start: 0, stepMs: 1000 },
      includeAligned: true,
    });
    const [x, y] = res.series.map((s) => s.values!.slice(fx.corr_from));
    const again = analyze({
      version: 1,
      series: [
        { id: 'x', values: x },
        { id: 'y', values: y },
      ],
    });
    expectClose(again.correlation!.r[1], fx.pearson_r_after_spike_exact, 1e-13, 0, 'exact r');
    expectClose(again.correlation!.r[1], fx.pearson_r_after_spike, 1e-7, 0, 'SciPy r');
  });
});

describe('series named like Object.prototype members keep their transforms', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s', (id) => {
    const values = noise(30, 7).map((v) => v + 100);
    const bySeries = JSON.parse(`{"${id}": {"type": "diff"}}`) as Record<string, { type: 'diff' }>;
    const own = analyze({
      version: 1,
      series: [
        { id, values, transform: { type: 'zscore' } },
        { id: 'other', values: noise(30, 8) },
      ],
    });
    expect(own.series[0].transforms).toEqual(['zscore']);
    expect(codes(own)).not.toContain('UNKNOWN_OPTION');
    const by = analyze({
      version: 1,
      series: [
        { id, values },
        { id: 'other', values: noise(30, 8) },
      ],
      transforms: { bySeries },
    });
    expect(by.series[0].transforms).toEqual(['diff']);
    const none = analyze({
      version: 1,
      series: [
        { id, values },
        { id: 'other', values: noise(30, 8) },
      ],
      transforms: { bySeries: {} },
    });
    expect(none.series[0].transforms).toEqual([]);
    expect(codes(none)).not.toContain('UNKNOWN_OPTION');
  });
});

describe('unknown option values are errors that name the valid values', () => {
  const base = (): AnalyzeRequest => ({
    version: 1,
    series: [
      { id: 'a', values: noise(20, 1) },
      { id: 'b', values: noise(20, 2) },
    ],
  });
  it.each([
    ['significance.adjust holm', { significance: { adjust: 'holm' } }, "'fdr_bh', 'bonferroni', 'none'"],
    ['clustering.linkage ward', { clustering: { linkage: 'ward' } }, "'average', 'complete', 'single'"],
    ['lags.normalization unbiased', { lags: { maxLag: 2, normalization: 'unbiased' } }, "'biased', 'adjusted'"],
    ['correlation.method cosine', { correlation: { method: 'cosine' } }, "'pearson', 'spearman', 'kendall'"],
    ['align.fill zero', { align: { fill: 'zero' } }, "'none', 'previous', 'linear'"],
    ['align.aggregation max', { align: { aggregation: 'max' } }, "'mean', 'last'"],
    ['significance.alpha 5', { significance: { alpha: 5 } }, 'strictly between 0 and 1'],
    ['significance.alpha 0', { significance: { alpha: 0 } }, 'strictly between 0 and 1'],
    ['lags.prewhiten arima', { lags: { maxLag: 2, prewhiten: 'arima' } }, "'none', 'difference'"],
    ['align.minOverlap -1', { align: { minOverlap: -1 } }, 'a number >= 2'],
    ['correlation.enabled "false"', { correlation: { enabled: 'false' } }, 'true or false'],
    ['transform ewm', { transforms: { default: { type: 'ewm' } } }, 'rollingMean'],
    ['rollingMean window 0', { transforms: { default: { type: 'rollingMean', window: 0 } } }, 'window'],
    [
      'drift method mmd',
      {
        drift: {
          series: [{ id: 'h', methods: ['psi', 'mmd'], input: { kind: 'samples', timestamps: [], values: [] } }],
        },
      },
      'wassersteinNormalized',
    ],
  ])('%s', (_label, extra, valid) => {
    const res = analyze({ ...base(), ...(extra as object) });
    const w = res.warnings.find((x) => x.code === 'UNKNOWN_OPTION');
    expect(w).toBeDefined();
    expect(w!.message).toContain(valid);
    // Refused, not applied with a default: nothing is echoed as if it had been computed.
    expect(res.correlation).toBeUndefined();
    expect(res.lags).toBeUndefined();
    expect(res.clustering).toBeUndefined();
  });

  it('valid options still run', () => {
    const res = analyze({
      ...base(),
      significance: { alpha: 0.1, adjust: 'bonferroni' },
      clustering: { linkage: 'single' },
    });
    expect(codes(res)).not.toContain('UNKNOWN_OPTION');
    expect(res.correlation!.adjust).toBe('bonferroni');
    expect(res.correlation!.alpha).toBe(0.1);
  });
});

describe('best lags at 204 series or more (lag pair limit)', () => {
  it('the 210-series default: 20,000 pairs get a lag, the rest say why they have none', () => {
    const series = Array.from({ length: 210 }, (_, i) => ({ id: `s${i}`, values: noise(24, 1000 + i) }));
    const res = analyze({
      version: 1,
      series,
      correlation: { enabled: false },
      lags: { maxLag: 1, includeCurves: false },
    });
    const pairs = res.lags!.pairs;
    expect(pairs.length).toBe((210 * 209) / 2);
    expect(pairs.filter((p) => p.bestLag !== null).length).toBe(20000);
    expect(pairs.filter((p) => p.bestLag === null).every((p) => p.reason === 'skipped')).toBe(true);
    expect(res.lags!.bestLagMatrix!.filter((v) => !Number.isNaN(v)).length).toBe(2 * 20000);
    const w = res.warnings.find((x) => x.code === 'LIMIT_EXCEEDED')!;
    expect(w.message).toContain('largest |r| at lag 0');
    expect(w.message).toContain(`${(210 * 209) / 2 - 20000} pairs skipped`);
  });

  it('the pairs kept are those with the largest |r| at lag 0, wherever they are in the order', () => {
    const base = noise(60, 5);
    const series = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, values: noise(60, 50 + i) }));
    // The last pair in request order moves with itself one step later: strongest |r(0)| of all.
    series[10].values = base;
    series[11].values = base.map((v, t) => 0.9 * v + 0.1 * (base[t - 1] ?? 0));
    const res = analyze({ version: 1, series, lags: { maxLag: 3 }, limits: { maxLagPairs: 5 } });
    const pairs = res.lags!.pairs;
    const kept = pairs.filter((p) => p.reason === null);
    expect(kept.length).toBe(5);
    expect(kept.map((p) => `${p.a}-${p.b}`)).toContain('s10-s11');
    const r = res.correlation!.r;
    const absR0 = (p: (typeof pairs)[number]) => Math.abs(r[Number(p.a.slice(1)) * 12 + Number(p.b.slice(1))]!);
    const weakestKept = Math.min(...kept.map(absR0));
    const strongestSkipped = Math.max(...pairs.filter((p) => p.reason === 'skipped').map(absR0));
    expect(weakestKept).toBeGreaterThanOrEqual(strongestSkipped);
  });
});

describe('overflow and underflow: extreme magnitudes give the well-scaled answer (SciPy fixtures)', () => {
  const pairs = readFixture('pairs.json')
    .cases.filter((c: { x: Array<number | null> }) => c.x.every((v) => v !== null))
    .slice(0, 3);
  const ccf = readFixture('ccf.json');
  const scale = (v: Array<number | null>, f: number) => v.map((x) => (x === null ? null : x * f));

  it.each([1e150, 1e154, 1e-160, 1e-300])('Pearson, Spearman and Kendall r(x*%p, y*s) = r(x, y) with p and CI', (f) => {
    for (const c of pairs) {
      for (const [method, key] of [
        ['pearson', 'r'],
        ['spearman', 'r'],
        ['kendall', 'tau'],
      ] as const) {
        const res = analyze({
          version: 1,
          series: [
            { id: 'x', values: scale(c.x, f) },
            { id: 'y', values: scale(c.y, f === 1e154 ? 1e154 : 1) },
          ],
          correlation: { method },
        });
        const cor = res.correlation!;
        expectClose(cor.r[1], c[method][key], 1e-12, 1e-14, `${c.label} ${method} r`);
        expectClose(cor.pNaive[1], c[method].p, 1e-6, 1e-12, `${c.label} ${method} p`);
        expect(cor.ciLow[1]).not.toBeNaN();
        expect(reasonAt(cor.reason, 1)).toBeNull();
      }
      const ms = analyze({
        version: 1,
        series: [
          { id: 'x', values: scale(c.x, f) },
          { id: 'y', values: c.y },
        ],
      }).series[0];
      expect(ms.std).not.toBeNull();
      expectClose(
        ms.std! / f,
        analyze({
          version: 1,
          series: [
            { id: 'x', values: c.x },
            { id: 'y', values: c.y },
          ],
        }).series[0].std,
        1e-12,
        0,
        'std'
      );
    }
  });

  it.each([1e77, 1e154, 1e-160, 1e-300])('lags at scale %p: statsmodels ccf, a leads b by 4 steps', (f) => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: scale(ccf.a, f) },
        { id: 'b', values: scale(ccf.b, f) },
      ],
      lags: { maxLag: ccf.maxLag, pairs: [['a', 'b']] },
    });
    const p = res.lags!.pairs[0];
    expect(p.reason).toBeNull();
    expect(p.bestLag).toBe(4);
    expectClose(p.bestR, ccf.ccf_ba_biased[4], 1e-12, 1e-13, 'bestR');
    for (let k = 0; k <= ccf.maxLag; k++) {
      expectClose(p.r![ccf.maxLag + k], ccf.ccf_ba_biased[k], 1e-9, 1e-13, `k=${k}`);
    }
  });

  it('a pair whose common rows are far smaller than the series scale is computed on those rows', () => {
    const c = pairs[0];
    // The first row is huge; without it, the pair is the fixture's pair at 1e-160 scale.
    const x = [1e150, ...scale(c.x, 1e-160)];
    const y = [null, ...scale(c.y, 1e-160)];
    const res = analyze({
      version: 1,
      series: [
        { id: 'x', values: x },
        { id: 'y', values: y },
      ],
    });
    expectClose(res.correlation!.r[1], c.pearson.r, 1e-12, 1e-14, 'r');
  });
});

describe('a null inside one histogram bucket is not read as 0', () => {
  // Stable cumulative latency histogram: every step adds the same counts to each bucket.
  const le = ['0.1', '0.5', '1', '+Inf'];
  const per = [50, 30, 15, 5];
  const T = 80;
  const clean = le.map((_, b) =>
    Array.from({ length: T }, (_, t) => (t + 1) * per.slice(0, b + 1).reduce((x, y) => x + y, 0))
  );
  const run = (buckets: Array<Array<number | null>>) =>
    analyze({
      version: 1,
      series: [],
      grid: { start: 0, end: (T - 1) * 60000, stepMs: 60000 },
      drift: { series: [{ id: 'lat', methods: ['psi'], input: { kind: 'histogram', le, buckets } }] },
    }).drift!.series[0];

  it('PSI stays that of an unchanged distribution, with a warning about the missing step, not a reset', () => {
    const holed = clean.map((b) => b.slice() as Array<number | null>);
    holed[1][40] = null;
    const wholeStep = clean.map((b) => b.map((v, t) => (t === 40 ? null : v)));
    const res = run(holed);
    expect(res.methods[0].scores).toEqual(run(wholeStep).methods[0].scores);
    // An unchanged distribution: PSI is 0 wherever it is defined.
    expect(res.methods[0].scores.filter((v) => v !== null).every((v) => Math.abs(v!) < 1e-12)).toBe(true);
    expect(res.warnings.join(' ')).toContain('1 step(s) had a missing bucket value');
    expect(res.warnings.join(' ')).not.toMatch(/reset|scrape skew/);
  });
});

describe('series without timestamps longer than the point cap keep the same end as the grid', () => {
  it('the untimed copy of a timed series lines up with it (r = 1, lag 0)', () => {
    const T = 120;
    const values = noise(T, 3);
    const timestamps = Array.from({ length: T }, (_, i) => i * 1000);
    const res = analyze({
      version: 1,
      series: [
        { id: 'timed', values, timestamps },
        { id: 'untimed', values },
      ],
      grid: { start: 0, stepMs: 1000 },
      limits: { maxPoints: 50 },
      lags: { maxLag: 5, pairs: [['timed', 'untimed']] },
      includeAligned: true,
    });
    expect(res.series[1].values).toEqual(values.slice(T - 50));
    expect(res.series[0].values).toEqual(values.slice(T - 50));
    expect(res.lags!.pairs[0].bestLag).toBe(0);
  });
});
