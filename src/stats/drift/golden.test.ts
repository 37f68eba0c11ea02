/** @jest-environment node */
// Golden tests: every expected number comes from scripts/reference/drift_fixtures.py (SciPy/NumPy).
import * as fs from 'fs';
import * as path from 'path';

import {
  chiSquared,
  hellinger,
  jensenShannon,
  klDivergence,
  kolmogorovSf,
  ksFromSamples,
  psiFromCounts,
  psiFromSamples,
  quantileEdges,
  totalVariation,
  wassersteinFromBuckets,
  wassersteinFromSamples,
  parseLe,
  binSortedSamples,
} from './index';

function load<T>(name: string): T[] {
  const file = path.join(__dirname, '..', '..', '..', 'fixtures', 'reference', 'drift', name);
  return JSON.parse(fs.readFileSync(file, 'utf8')).cases as T[];
}

/** |a - b| <= rel * |b| (plus a tiny absolute floor for values that are exactly 0). */
function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-15): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + abs);
}

interface SamplePair {
  name: string;
  current: number[];
  baseline: number[];
}
const samples = new Map(load<SamplePair>('samples.json').map((c) => [c.name, c]));

describe('KS (scipy.stats.ks_2samp)', () => {
  const cases = load<{
    name: string;
    statistic: number;
    p_asymp_scipy: number;
    p_auto_scipy: number;
    p_stephens: number;
  }>('ks.json');
  it.each(cases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const s = samples.get(c.name)!;
    const r = ksFromSamples(s.current, s.baseline);
    expectClose(r.statistic, c.statistic, 1e-12);
    // Same formula as the fixture (limiting law, Stephens argument): 1e-9 relative.
    expectClose(r.pValue, c.p_stephens, 1e-9, 1e-300);
    if (c.p_auto_scipy > 1e-10) {
      // Different maths (scipy: exact / finite-n law): stated tolerance 6 % relative.
      expect(Math.abs(r.pValue - c.p_auto_scipy)).toBeLessThanOrEqual(0.06 * c.p_auto_scipy);
      expect(Math.abs(r.pValue - c.p_asymp_scipy)).toBeLessThanOrEqual(0.06 * c.p_asymp_scipy);
    } else {
      expect(r.pValue).toBeLessThan(1e-9);
    }
  });
});

describe('Kolmogorov limiting distribution (scipy.special.kolmogorov)', () => {
  it.each(load<{ z: number; sf: number }>('kolmogorov.json').map((c) => [c.z, c.sf]))('z=%p', (z, sf) => {
    expectClose(kolmogorovSf(z), sf, 1e-9, 1e-16);
  });
});

describe('Wasserstein-1 (scipy.stats.wasserstein_distance)', () => {
  it.each(load<{ name: string; distance: number; normalized: number }>('wasserstein.json').map((c) => [c.name, c]))(
    '%s',
    (_n, c) => {
      const s = samples.get(c.name)!;
      const r = wassersteinFromSamples(s.current, s.baseline);
      expectClose(r.distance, c.distance, 1e-9);
      expectClose(r.normalized, c.normalized, 1e-9);
    }
  );
});

describe('binned divergences on count vectors', () => {
  const cases = load<{
    name: string;
    current: number[];
    baseline: number[];
    psi: number;
    kl: number;
    js_distance: number;
    js_divergence: number;
    hellinger: number;
    tv: number;
  }>('divergences.json');
  it.each(cases.map((c) => [c.name, c]))('%s', (_n, c) => {
    expectClose(psiFromCounts(c.current, c.baseline), c.psi);
    expectClose(klDivergence(c.current, c.baseline), c.kl);
    const js = jensenShannon(c.current, c.baseline);
    expectClose(js.distance, c.js_distance);
    expectClose(js.divergence, c.js_divergence);
    expectClose(hellinger(c.current, c.baseline), c.hellinger);
    expectClose(totalVariation(c.current, c.baseline), c.tv);
  });
});

describe('sample PSI with baseline-decile bins (numpy.quantile)', () => {
  const cases = load<{
    name: string;
    edges: number[];
    current_counts: number[];
    baseline_counts: number[];
    psi: number;
  }>('psi_samples.json');
  it.each(cases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const s = samples.get(c.name)!;
    const sortedBase = Float64Array.from(s.baseline).sort();
    const edges = quantileEdges(sortedBase, 10);
    expect(edges.length).toBe(c.edges.length);
    edges.forEach((e, k) => expectClose(e, c.edges[k], 1e-12));
    expect(Array.from(binSortedSamples(Float64Array.from(s.current).sort(), edges))).toEqual(c.current_counts);
    expectClose(psiFromSamples(s.current, s.baseline), c.psi);
  });
});

describe('chi-squared (scipy.stats.chisquare with baseline-proportion expectations)', () => {
  const cases = load<{
    name: string;
    current: number[];
    baseline: number[];
    statistic: number;
    p: number;
    dof: number;
  }>('chi2.json');
  it.each(cases.map((c) => [c.name, c]))('%s', (_n, c) => {
    const r = chiSquared(c.current, c.baseline);
    expectClose(r.statistic, c.statistic, 1e-9, 1e-12);
    expect(r.dof).toBe(c.dof);
    // p = 1 - CDF: relative 1e-9 while p is not tiny, absolute 1e-14 below.
    expect(Math.abs(r.pValue - c.p)).toBeLessThanOrEqual(1e-9 * c.p + 1e-14);
  });
});

describe('Wasserstein on histogram buckets (brute-force integral of interpolated CDFs)', () => {
  const cases = load<{
    le: Array<number | string>;
    current: number[];
    baseline: number[];
    distance: number;
    baseline_std: number;
  }>('bucket_wasserstein.json');
  it.each(cases.map((c, i) => [i, c]))('case %p', (_i, c) => {
    const r = wassersteinFromBuckets(parseLe(c.le), c.current, c.baseline);
    // The fixture integrates numerically on 2e6 points: 1e-7 relative covers its quadrature error.
    expectClose(r.distance, c.distance, 1e-7);
    expectClose(r.baselineStd, c.baseline_std, 1e-9);
  });
});
