/** @jest-environment node */
// Best-lag p-values, q-values (Benjamini-Hochberg over the pairs) and edge flags against
// scripts/reference/lead_fixtures.py (statsmodels ccf/acf/multipletests, scipy.stats.t).
import { analyze } from '../analyze';
import type { LagNormalization } from '../contract';
import { expectClose, readFixture } from './helpers';

interface Fixture {
  cases: Array<{
    name: string;
    maxLag: number;
    normalization: LagNormalization;
    series: Array<{ id: string; values: number[] }>;
    pairs: Array<{
      a: string;
      b: string;
      bestLag: number;
      bestR: number;
      nEff: number;
      effectiveLags: number;
      pBestLag: number;
      qBestLag: number;
      atEdge: boolean;
    }>;
  }>;
}

const fixture = readFixture<Fixture>('best_lag.json');

describe.each(fixture.cases.map((c) => [c.name, c]))('%s', (_name, c) => {
  const res = analyze({
    version: 1,
    series: c.series,
    correlation: { enabled: false },
    significance: { alpha: 0.05, adjust: 'fdr_bh', autocorrelation: 'bretherton' },
    lags: { maxLag: c.maxLag, all: true, normalization: c.normalization, includeCurves: false },
  });
  it.each(c.pairs.map((p) => [`${p.a} / ${p.b}`, p]))('%s', (label, want) => {
    const got = res.lags!.pairs.find((p) => p.a === want.a && p.b === want.b)!;
    expect(got.bestLag).toBe(want.bestLag);
    expect(got.atEdge).toBe(want.atEdge);
    expectClose(got.bestR, want.bestR, 1e-10, 1e-13, `${label} bestR`);
    expectClose(got.nEff, want.nEff, 1e-10, 0, `${label} nEff`);
    expectClose(got.effectiveLags, want.effectiveLags, 1e-10, 0, `${label} effectiveLags`);
    // p travels through r, the t distribution and the Šidák power: relative 1e-8 covers r's last digits.
    expectClose(got.pBestLag, want.pBestLag, 1e-8, 1e-300, `${label} pBestLag`);
    expectClose(got.qBestLag, want.qBestLag, 1e-8, 1e-300, `${label} qBestLag`);
  });
  it('reports the level and the adjustment behind q', () => {
    expect(res.lags!.alpha).toBe(0.05);
    expect(res.lags!.adjust).toBe('fdr_bh');
  });
});
