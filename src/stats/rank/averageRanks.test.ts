/** @jest-environment node */
import fc from 'fast-check';
import { averageRanks } from './averageRanks';
import { RankScratch } from './sortFinite';
import { radixArgsort } from './radixArgsort';

/**
 * The reference: the former implementation (native sort of the finite values, then for each value the
 * first and last positions of its tie block by binary search). The radix path must equal it exactly.
 */
function ranksBySearch(x: ArrayLike<number>): Float64Array {
  const finite = Array.from(x).filter((v) => Number.isFinite(v));
  const sorted = Float64Array.from(finite).sort();
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    const first = sorted.findIndex((s) => s >= v);
    let last = first;
    while (last + 1 < sorted.length && sorted[last + 1] <= v) {
      last++;
    }
    out[i] = (first + last) / 2 + 1;
  }
  return out;
}

/** Values with many ties, both zeros, infinities, NaN, subnormals and wide exponents. */
const value = fc.oneof(
  fc.integer({ min: -4, max: 4 }),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e308, -1e308),
  fc.double({ noNaN: true }),
  fc.double({ min: -1, max: 1, noNaN: true })
);

it('radix average ranks equal the sort-and-search ranks (ties, NaN, infinities, both zeros)', () => {
  fc.assert(
    fc.property(fc.array(value, { maxLength: 300 }), (x) => {
      expect(Array.from(averageRanks(x))).toEqual(Array.from(ranksBySearch(x)));
    }),
    { seed: 15, numRuns: 500 }
  );
});

it('a scratch shared by series of different lengths gives the same ranks as a fresh one', () => {
  const scratch = new RankScratch();
  fc.assert(
    fc.property(fc.array(value, { maxLength: 300 }), (x) => {
      expect(Array.from(averageRanks(x, scratch))).toEqual(Array.from(ranksBySearch(x)));
    }),
    { seed: 17, numRuns: 300 }
  );
});

it('radix average ranks equal the reference on long series of rounded floats', () => {
  let s = 99;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (const n of [1, 2, 2047, 2048, 2049, 10080]) {
    const x = Array.from({ length: n }, () => (u() < 0.02 ? NaN : Math.round((u() - 0.3) * 1e4) / 100));
    expect(Array.from(averageRanks(x))).toEqual(Array.from(ranksBySearch(x)));
  }
});

it('radixArgsort is the stable ascending order', () => {
  fc.assert(
    fc.property(
      fc.array(
        value.filter((v) => !Number.isNaN(v)),
        { maxLength: 300 }
      ),
      (x) => {
        const want = x.map((_, i) => i).sort((a, b) => (x[a] < x[b] ? -1 : x[a] > x[b] ? 1 : a - b));
        expect(Array.from(radixArgsort(x))).toEqual(want);
      }
    ),
    { seed: 16, numRuns: 500 }
  );
});
