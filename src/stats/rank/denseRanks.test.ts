/** @jest-environment node */
import fc from 'fast-check';
import { denseRanks } from './denseRanks';

/** The reference: the distinct finite values by a comparator sort, each value's rank by lookup. */
function denseBySearch(x: number[]): { ranks: number[]; unique: number } {
  const distinct = [...new Set(x.filter((v) => Number.isFinite(v)).map((v) => (v === 0 ? 0 : v)))].sort(
    (a, b) => a - b
  );
  return {
    ranks: x.map((v) => (Number.isFinite(v) ? distinct.indexOf(v === 0 ? 0 : v) : -1)),
    unique: distinct.length,
  };
}

/** Values with many ties, both zeros, infinities, NaN and subnormals. */
const value = fc.oneof(
  fc.integer({ min: -4, max: 4 }),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 5e-324, -5e-324),
  fc.double()
);

it('dense ranks equal the distinct-values lookup (ties, both zeros, missing values)', () => {
  fc.assert(
    fc.property(fc.array(value, { maxLength: 300 }), (x) => {
      const { ranks, unique } = denseRanks(x);
      expect({ ranks: Array.from(ranks), unique }).toEqual(denseBySearch(x));
    }),
    { seed: 18, numRuns: 400 }
  );
});
