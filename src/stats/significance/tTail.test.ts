/** @jest-environment node */
// The two-sided t tail and the correlation p-value against SciPy and 40-digit mpmath. Every expected
// number comes from scripts/reference/t_tail_fixtures.py (fixtures/reference/correlation/t_tail.json).
import { readFixture } from '../__tests__/helpers';
import { correlationPValue } from './correlationPValue';
import { erfcx } from './erfcx';
import { tTwoSided } from './tTail';

interface TailCase {
  df: number;
  scipy: number;
  mpmath: number;
}
const fixture = readFixture<{
  t: Array<TailCase & { t: number }>;
  r: Array<TailCase & { r: number }>;
  erfcx: Array<{ x: number; scipy: number; mpmath: number }>;
}>('t_tail.json');

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
/** Where the reference p is below 1e-300 only "tiny and not negative" is asked. */
const measurable = (c: TailCase): boolean => c.mpmath > 1e-300;

/** Each reference case with the engine's value beside it. */
const families: Array<[string, Array<TailCase & { got: number }>]> = [
  ['t', fixture.t.map((c) => ({ ...c, got: tTwoSided(c.t, c.df) }))],
  ['r', fixture.r.map((c) => ({ ...c, got: correlationPValue(c.r, c.df) }))],
];

describe.each(families)('two-sided p from %s', (label, cases) => {
  it('agrees with SciPy to 1e-9 and with mpmath to 1e-12 relative where p > 1e-300', () => {
    let worstScipy = 0;
    let worstExact = 0;
    for (const c of cases.filter(measurable)) {
      worstScipy = Math.max(worstScipy, rel(c.got, c.scipy));
      worstExact = Math.max(worstExact, rel(c.got, c.mpmath));
      if (!(rel(c.got, c.scipy) <= 1e-9 && rel(c.got, c.mpmath) <= 1e-12)) {
        throw new Error(`${JSON.stringify(c)}: relative error too large`);
      }
    }
    process.stdout.write(
      `\n[t tail, ${label}] ${cases.length} cases: max relative error vs mpmath ${worstExact.toExponential(2)}, vs SciPy ${worstScipy.toExponential(2)}\n`
    );
  });

  it('is tiny and not negative where p <= 1e-300', () => {
    for (const c of cases.filter((x) => !measurable(x))) {
      expect(c.got).toBeGreaterThanOrEqual(0);
      expect(c.got).toBeLessThanOrEqual(1e-299);
    }
  });
});

it('domain: exact values at the edges, NaN for undefined input', () => {
  expect(tTwoSided(0, 5)).toBe(1);
  expect(tTwoSided(Infinity, 5)).toBe(0);
  expect(tTwoSided(NaN, 5)).toBeNaN();
  expect(tTwoSided(2, 0)).toBeNaN();
  expect(tTwoSided(2, -1)).toBeNaN();
  expect(correlationPValue(0, 10)).toBe(1);
  expect(correlationPValue(1, 10)).toBe(0);
  expect(correlationPValue(-1, 10)).toBe(0);
  expect(correlationPValue(NaN, 10)).toBeNaN();
  expect(correlationPValue(0.5, 0)).toBeNaN();
});

it('erfcx agrees with scipy.special.erfcx and mpmath to 1e-15 relative', () => {
  for (const c of fixture.erfcx) {
    expect(rel(erfcx(c.x), c.mpmath)).toBeLessThanOrEqual(1e-15);
    expect(rel(erfcx(c.x), c.scipy)).toBeLessThanOrEqual(1e-15);
  }
});
