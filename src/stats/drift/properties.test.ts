/** @jest-environment node */
// Property tests (fast-check, fixed seed): identity, non-negativity, symmetry, bounds.
import fc from 'fast-check';

import {
  hellinger,
  jensenShannon,
  klDivergence,
  ksFromCounts,
  psiFromCounts,
  totalVariation,
  wassersteinFromBuckets,
  chiSquared,
} from './index';

const SEED = 20240601;
const counts = (k: number) =>
  fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: k, maxLength: k }).filter((a) => a.some((x) => x > 0));
const pair = fc.integer({ min: 2, max: 25 }).chain((k) => fc.tuple(counts(k), counts(k)));
const run = (prop: fc.IProperty<[[number[], number[]]]>) => fc.assert(prop, { seed: SEED, numRuns: 300 });
const le = (k: number) => Array.from({ length: k }, (_, i) => (i === k - 1 ? Infinity : (i + 1) * 0.5));

describe('divergences are 0 for identical distributions', () => {
  it('all methods, also when one vector is a multiple of the other', () => {
    run(
      fc.property(pair, ([a]) => {
        const b = a.map((x) => 3 * x);
        expect(psiFromCounts(a, b)).toBeCloseTo(0, 12);
        expect(klDivergence(a, b)).toBeCloseTo(0, 12);
        expect(jensenShannon(a, b).divergence).toBeCloseTo(0, 12);
        expect(hellinger(a, b)).toBeCloseTo(0, 7); // sqrt of a rounding-level sum
        expect(totalVariation(a, b)).toBeCloseTo(0, 12);
        expect(ksFromCounts(a, b).statistic).toBeCloseTo(0, 12);
        expect(wassersteinFromBuckets(le(a.length), a, b).distance).toBeCloseTo(0, 12);
        if (a.filter((x) => x > 0).length >= 2) {
          // With one non-empty category there is no degree of freedom: NaN by design.
          expect(chiSquared(b, a).statistic).toBeCloseTo(0, 9);
        }
      })
    );
  });
});

describe('non-negativity and bounds', () => {
  it('every score is >= 0; JS, Hellinger, TV, KS in [0, 1]', () => {
    run(
      fc.property(pair, ([a, b]) => {
        expect(psiFromCounts(a, b)).toBeGreaterThanOrEqual(0);
        expect(klDivergence(a, b)).toBeGreaterThanOrEqual(0);
        const js = jensenShannon(a, b);
        for (const v of [
          js.divergence,
          js.distance,
          hellinger(a, b),
          totalVariation(a, b),
          ksFromCounts(a, b).statistic,
        ]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(wassersteinFromBuckets(le(a.length), a, b).distance).toBeGreaterThanOrEqual(0);
      })
    );
  });
  it('JS distance is the square root of the divergence; Hellinger <= sqrt(TV) style ordering holds: H^2 <= TV <= sqrt(2) H', () => {
    run(
      fc.property(pair, ([a, b]) => {
        const js = jensenShannon(a, b);
        expect(js.distance * js.distance).toBeCloseTo(js.divergence, 12);
        const h = hellinger(a, b);
        const tv = totalVariation(a, b);
        // Classical inequalities between Hellinger (normalised to [0,1]) and TV.
        expect(h * h).toBeLessThanOrEqual(tv + 1e-12);
        expect(tv).toBeLessThanOrEqual(Math.SQRT2 * h + 1e-12);
      })
    );
  });
});

describe('symmetry', () => {
  it('JS, Hellinger, TV, PSI, KS statistic and W1 are symmetric', () => {
    run(
      fc.property(pair, ([a, b]) => {
        expect(jensenShannon(a, b).divergence).toBeCloseTo(jensenShannon(b, a).divergence, 14);
        expect(hellinger(a, b)).toBeCloseTo(hellinger(b, a), 14);
        expect(totalVariation(a, b)).toBeCloseTo(totalVariation(b, a), 14);
        expect(psiFromCounts(a, b)).toBeCloseTo(psiFromCounts(b, a), 12);
        expect(ksFromCounts(a, b).statistic).toBeCloseTo(ksFromCounts(b, a).statistic, 14);
        expect(wassersteinFromBuckets(le(a.length), a, b).distance).toBeCloseTo(
          wassersteinFromBuckets(le(a.length), b, a).distance,
          12
        );
      })
    );
  });
  it('disjoint supports give JS = Hellinger = TV = 1', () => {
    expect(jensenShannon([5, 0], [0, 7]).divergence).toBe(1);
    expect(hellinger([5, 0], [0, 7])).toBe(1);
    expect(totalVariation([5, 0], [0, 7])).toBe(1);
  });
});

describe('invalid input never scores', () => {
  it('throws on empty or mismatched vectors instead of returning 0', () => {
    expect(() => psiFromCounts([0, 0], [1, 2])).toThrow(/current/);
    expect(() => hellinger([1, 2], [0, 0])).toThrow(/baseline/);
    expect(() => totalVariation([1, 2, 3], [1, 2])).toThrow(/mismatch/);
    expect(Number.isNaN(ksFromCounts([0, 0], [1, 1]).statistic)).toBe(true);
    expect(Number.isNaN(chiSquared([1, 1], [0, 0]).pValue)).toBe(true);
  });
  it('chi-squared: a category unseen in the baseline gives +Infinity, p = 0 and a warning', () => {
    const r = chiSquared([5, 5, 3], [10, 10, 0]);
    expect(r.statistic).toBe(Infinity);
    expect(r.pValue).toBe(0);
    expect(r.warnings[0]).toMatch(/none in the baseline/);
  });
});
