/** @jest-environment node */
// Reference values: scripts/reference/t_tail_fixtures.py (fixtures/reference/correlation/t_tail.json, "normal"):
// SciPy's 2 * norm.sf(|z|), and mpmath's erfc of the double |z| / sqrt 2 at 40 digits.
import { readFixture } from '../__tests__/helpers';
import { normalTwoSided, normalTwoSidedInto } from './normalTail';

const fixture = readFixture<{ normal: Array<{ z: number; scipy: number; mpmath: number }> }>('t_tail.json');

/** What rounding |z|/√2 may cost an erfc of it (SciPy rounds its own way): 2x² ulps of x, plus a few of the result. */
function allowed(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  return 4e-15 + 4 * x * x * 2 ** -52;
}

it("agrees with mpmath's erfc of the same |z|/sqrt 2 to 2e-15 relative, and with SciPy to what rounding |z|/sqrt 2 carries", () => {
  expect(fixture.normal.length).toBeGreaterThan(100);
  for (const c of fixture.normal) {
    const got = normalTwoSided(c.z);
    if (c.mpmath < 1e-307) {
      // Subnormal results keep fewer bits: only "tiny and not negative" is asked.
      expect(got).toBeGreaterThanOrEqual(0);
      expect(got).toBeLessThan(1e-300);
      continue;
    }
    expect(Math.abs(got - c.mpmath) / c.mpmath).toBeLessThanOrEqual(2e-15);
    expect(Math.abs(got - c.scipy) / c.scipy).toBeLessThanOrEqual(allowed(c.z));
  }
});

it('is 1 at 0, symmetric, decreasing, 0 far out and NaN for NaN', () => {
  expect(normalTwoSided(0)).toBe(1);
  expect(normalTwoSided(-2.5)).toBe(normalTwoSided(2.5));
  const zs = Array.from({ length: 400 }, (_, i) => i / 10);
  zs.slice(1).forEach((z, i) => expect(normalTwoSided(z)).toBeLessThanOrEqual(normalTwoSided(zs[i])));
  expect(normalTwoSided(40)).toBe(0);
  expect(normalTwoSided(Infinity)).toBe(0);
  expect(normalTwoSided(NaN)).toBeNaN();
});

it('normalTwoSidedInto gives each z normalTwoSided itself, in place too', () => {
  const z = Float64Array.from(fixture.normal, (c) => c.z);
  const want = Array.from(z, normalTwoSided);
  expect(Array.from(normalTwoSidedInto(z, new Float64Array(z.length)))).toEqual(want);
  expect(Array.from(normalTwoSidedInto(z, z))).toEqual(want);
});
