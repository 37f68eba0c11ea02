/** @jest-environment node */
// The chi-squared drift p-value in the far tail. Every expected number comes from
// scripts/reference/drift_fixtures.py (scipy.stats.chi2.sf, mpmath at 40 digits, scipy.stats.chisquare).
import * as fs from 'fs';
import * as path from 'path';

import { chiSquared } from '../drift/chiSquared';
import { chiSquaredSf, upperRegularizedGamma } from '../significance/upperGamma';

interface TailFixture {
  sf: Array<{ dof: number; x: number; scipy: number; mpmath: number }>;
  tables: Array<{ name: string; current: number[]; baseline: number[]; statistic: number; p: number; dof: number }>;
}
const fixture: TailFixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'reference', 'drift', 'chi2_tail.json'), 'utf8')
).cases;

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('chi-squared survival function, p from 0.5 down to 1e-300', () => {
  it.each(fixture.sf.map((c) => [c.dof, c.scipy, c]))('dof %p, p %p', (_d, _p, c) => {
    const p = chiSquaredSf(c.x, c.dof);
    // 1e-12 relative to the 40-digit value; SciPy itself is within 3e-12 of it (dof 5000, p 1e-200).
    expect(rel(p, c.mpmath)).toBeLessThanOrEqual(1e-12);
    expect(rel(p, c.scipy)).toBeLessThanOrEqual(5e-12);
  });

  it('worst relative error against SciPy and mpmath (printed)', () => {
    const worst = (key: 'scipy' | 'mpmath'): number =>
      Math.max(...fixture.sf.map((c) => rel(chiSquaredSf(c.x, c.dof), c[key])));
    process.stdout.write(
      `\n[chi2 tail] ${fixture.sf.length} cases down to p = 1e-300: max relative error vs mpmath ${worst('mpmath').toExponential(2)}, vs scipy.stats.chi2.sf ${worst('scipy').toExponential(2)}\n`
    );
    expect(worst('mpmath')).toBeLessThanOrEqual(1e-12);
  });
});

describe('chiSquared drift p-value on count tables with p far below 1e-16', () => {
  it.each(fixture.tables.map((c) => [c.name, c]))('%s', (_n, c) => {
    const r = chiSquared(c.current, c.baseline);
    expect(rel(r.statistic, c.statistic)).toBeLessThanOrEqual(1e-12);
    expect(r.dof).toBe(c.dof);
    expect(r.pValue).toBeGreaterThan(0);
    // The statistic's own rounding moves p by |d ln p / d X²| · ulp(X²) ≈ 0.5 · X² · 1e-16 relative.
    expect(rel(r.pValue, c.p)).toBeLessThanOrEqual(1e-12 + 1e-16 * c.statistic);
  });
});

describe('domain', () => {
  it('edges and bad input give exact values or NaN, never a crash', () => {
    expect(chiSquaredSf(0, 3)).toBe(1);
    expect(chiSquaredSf(-1, 3)).toBe(1);
    expect(chiSquaredSf(Infinity, 3)).toBe(0);
    expect(chiSquaredSf(NaN, 3)).toBeNaN();
    expect(chiSquaredSf(2, 0)).toBeNaN();
    expect(upperRegularizedGamma(-1, 2)).toBeNaN();
    // Far beyond the double range the tail underflows to 0 rather than returning garbage.
    expect(chiSquaredSf(5000, 1)).toBe(0);
  });
});
