/** @jest-environment node */
// The compare section's tests against SciPy: the level shift against the baseline's spread with effective sizes, KS on levels and on first
// differences with effective sizes, and the Fisher z test of Δr. Every expected number comes from
// scripts/reference/compare_fixtures.py (scipy.stats.ttest_ind / t / ks_2samp / special.kolmogorov /
// pearsonr / norm); the definitions are in its docstring.
import * as fs from 'fs';
import * as path from 'path';

import { gridDifferences, windowSample } from '../compare/windowSample';
import { pearsonPair } from '../correlation/pearsonPair';
import { ksPValue } from '../drift/ks';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { fisherDeltaTest } from '../significance/fisherDeltaTest';
import { ksDistance } from '../significance/ksDistance';
import { lag1Autocorrelation } from '../significance/lag1Autocorrelation';
import { levelShiftTest } from '../significance/levelShiftTest';
import { expectClose } from './helpers';

type Series = Array<number | null>;
interface Side {
  lag1Baseline: number;
  lag1Incident: number;
  nEffBaseline: number;
  nEffIncident: number;
  level: { t: number; df: number; p: number };
  ksLevel: { D: number; p: number };
  ksDiff: {
    D: number;
    p: number;
    lag1Baseline: number;
    lag1Incident: number;
    nEffBaseline: number;
    nEffIncident: number;
  };
}
interface Case {
  name: string;
  baseline: { a: Series; b: Series };
  incident: { a: Series; b: Series };
  expected: {
    signals: { a: Side; b: Side };
    deltaR: { rBaseline: number; rIncident: number; nEffBaseline: number; nEffIncident: number; z: number; p: number };
  };
}

const read = (name: string): Case[] =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'reference', 'compare', name), 'utf8'))
    .cases;
const cases = [...read('windows.json'), ...read('tails.json')];
const f64 = (a: Series) => Float64Array.from(a, (v) => (v === null ? NaN : v));

/** One window as the engine samples it, with the window's own persistence (the fixture's definition). */
function sample(x: Float64Array) {
  return windowSample(x, 0, x.length, {
    lag1: lag1Autocorrelation(x),
    lag1Diffs: lag1Autocorrelation(gridDifferences(x)),
  });
}

describe.each(cases.map((c) => [c.name, c] as [string, Case]))('%s', (_name, c) => {
  it.each(['a', 'b'] as const)('signal %s: level shift, KS on levels and on first differences', (key) => {
    const e = c.expected.signals[key];
    const b = sample(f64(c.baseline[key]));
    const i = sample(f64(c.incident[key]));
    expectClose(b.lag1, e.lag1Baseline, 1e-12, 1e-15, 'lag1 baseline');
    expectClose(b.nEff, e.nEffBaseline, 1e-12, 1e-12, 'nEff baseline');
    expectClose(i.nEff, e.nEffIncident, 1e-12, 1e-12, 'nEff incident');
    const level = levelShiftTest({ mean: b.mean, variance: b.variance, n: b.nEff }, { mean: i.mean, n: i.nEff });
    expectClose(level.t, e.level.t, 1e-10, 1e-14, 'level t');
    expectClose(level.df, e.level.df, 1e-10, 1e-12, 'level df');
    expectClose(level.p, e.level.p, 1e-9, 1e-300, 'level p');
    const dLevel = ksDistance(b.values, i.values);
    expectClose(dLevel, e.ksLevel.D, 1e-12, 1e-15, 'KS D');
    expectClose(ksPValue(dLevel, b.nEff, i.nEff), e.ksLevel.p, 1e-9, 1e-300, 'KS p');
    expectClose(b.nEffDiffs, e.ksDiff.nEffBaseline, 1e-12, 1e-12, 'nEff diffs baseline');
    expectClose(i.nEffDiffs, e.ksDiff.nEffIncident, 1e-12, 1e-12, 'nEff diffs incident');
    const dDiff = ksDistance(b.diffs, i.diffs);
    expectClose(dDiff, e.ksDiff.D, 1e-12, 1e-15, 'KS diffs D');
    expectClose(ksPValue(dDiff, b.nEffDiffs, i.nEffDiffs), e.ksDiff.p, 1e-9, 1e-300, 'KS diffs p');
  });

  it('Δr: Fisher z with each window effective size', () => {
    const e = c.expected.deltaR;
    const window = (w: { a: Series; b: Series }) => {
      const a = f64(w.a);
      const b = f64(w.b);
      const r = pearsonPair(a, b, 3);
      return { r: r.r, nEff: effectiveSampleSize(r.n, lag1Autocorrelation(a), lag1Autocorrelation(b)) };
    };
    const before = window(c.baseline);
    const after = window(c.incident);
    expectClose(before.r, e.rBaseline, 1e-12, 1e-15, 'r baseline');
    expectClose(after.r, e.rIncident, 1e-12, 1e-15, 'r incident');
    expectClose(before.nEff, e.nEffBaseline, 1e-12, 1e-12, 'nEff baseline');
    expectClose(after.nEff, e.nEffIncident, 1e-12, 1e-12, 'nEff incident');
    const t = fisherDeltaTest(before.r, before.nEff, after.r, after.nEff);
    expectClose(t.z, e.z, 1e-10, 1e-14, 'z');
    expectClose(t.p, e.p, 1e-9, 1e-300, 'p');
  });
});
