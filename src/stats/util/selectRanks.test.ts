/** @jest-environment node */
import fc from 'fast-check';
import { selectRanks } from './selectRanks';

it('puts the sorted value at every requested rank', () => {
  const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true }));
  fc.assert(
    fc.property(
      fc.array(value, { minLength: 1, maxLength: 600 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (x, picks) => {
        const a = Float64Array.from(x);
        const ranks = Array.from(new Set(picks.map((p) => p % x.length))).sort((p, q) => p - q);
        selectRanks(a, ranks);
        const sorted = Float64Array.from(x).sort();
        for (const r of ranks) {
          expect(a[r] === sorted[r]).toBe(true);
        }
        expect(Float64Array.from(a).sort()).toEqual(sorted);
      }
    ),
    { seed: 21, numRuns: 400 }
  );
});

it('stays within its depth bound on sorted, reversed and organ-pipe input', () => {
  const n = 100000;
  for (const make of [(i: number) => i, (i: number) => n - i, (i: number) => Math.min(i, n - i)]) {
    const a = Float64Array.from({ length: n }, (_, i) => make(i));
    selectRanks(a, [0, n >> 2, n >> 1, n - 1]);
    const sorted = Float64Array.from({ length: n }, (_, i) => make(i)).sort();
    expect([a[0], a[n >> 2], a[n >> 1], a[n - 1]]).toEqual([sorted[0], sorted[n >> 2], sorted[n >> 1], sorted[n - 1]]);
  }
});
