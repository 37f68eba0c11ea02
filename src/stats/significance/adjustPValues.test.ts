/** @jest-environment node */
import fc from 'fast-check';
import { adjustPValues } from './adjustPValues';

/** The reference: Benjamini-Hochberg step-up with a comparator sort of the indices (the former path). */
function bhByComparator(p: number[]): number[] {
  const idx = p.map((_, i) => i).filter((i) => Number.isFinite(p[i]));
  const m = idx.length;
  const out = p.map(() => NaN);
  idx.sort((a, b) => p[a] - p[b]);
  let running = Infinity;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, p[idx[k]] / ((k + 1) / m));
    out[idx[k]] = Math.min(1, running);
  }
  return out;
}

/** p-values with ties (a coarse grid), exact 0 and 1, tiny values and missing entries. */
const pValue = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
  fc.constantFrom(0, -0, 1, 1e-300, 5e-324, NaN, Infinity)
);

it('fdr_bh with the radix order equals the comparator step-up exactly', () => {
  fc.assert(
    fc.property(fc.array(pValue, { maxLength: 400 }), (p) => {
      expect(Array.from(adjustPValues(p, 'fdr_bh'))).toEqual(bhByComparator(p));
    }),
    { seed: 1995, numRuns: 500 }
  );
});

it('fdr_bh equals the comparator step-up on a matrix-sized family', () => {
  let s = 5;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const p = Array.from({ length: 50000 }, () =>
    u() < 0.01 ? NaN : u() < 0.2 ? Math.round(u() * 100) / 100 : u() ** 8
  );
  expect(Array.from(adjustPValues(p, 'fdr_bh'))).toEqual(bhByComparator(p));
});
