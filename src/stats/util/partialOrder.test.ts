/** @jest-environment node */
import fc from 'fast-check';
import { partialOrder } from './partialOrder';

/** The reference: a full native sort of the non-NaN values. */
function sortedCopy(x: number[]): Float64Array {
  return Float64Array.from(x.filter((v) => !Number.isNaN(v))).sort();
}

/** Finite values with ties, both zeros, subnormals, outliers and missing values. */
const value = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.constantFrom(-0, 0, NaN, 5e-324, -5e-324, 1e300, -1e300)
);

it('reads the order statistics of a full sort at the wanted ranks, bit for bit', () => {
  fc.assert(
    fc.property(fc.array(value, { maxLength: 600 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true })), (x, qs) => {
      const sorted = sortedCopy(x);
      const ranks = qs.map((q) => Math.floor(q * (sorted.length - 1)));
      const order = partialOrder(x, () => ranks);
      if (order === null) {
        // Refused only: fewer than two distinct values, or a range too small (subnormal) or too large to scale.
        const range = sorted.length > 0 ? sorted[sorted.length - 1] - sorted[0] : 0;
        expect(range === 0 || range < 1e-300 || range === Infinity).toBe(true);
        return;
      }
      expect(order.size).toBe(sorted.length);
      for (const r of ranks) {
        expect(Object.is(order.at(r), sorted[r])).toBe(true);
      }
    }),
    { seed: 51, numRuns: 500 }
  );
});

it('counts the values at or below any x (between wanted neighbours, at them, outside, anywhere)', () => {
  fc.assert(
    fc.property(fc.array(value, { minLength: 2, maxLength: 600 }), fc.double({ noNaN: true }), (x, probe) => {
      const sorted = sortedCopy(x);
      const ranks = sorted.length > 1 ? [0, 1, sorted.length >> 1, (sorted.length >> 1) + 1, sorted.length - 1] : [];
      const order = partialOrder(x, () => ranks.filter((r) => r < sorted.length));
      if (order === null) {
        return;
      }
      const mid = sorted[sorted.length >> 1];
      const next = sorted[Math.min((sorted.length >> 1) + 1, sorted.length - 1)];
      const quarter = sorted[sorted.length >> 2];
      for (const at of [mid, (mid + next) / 2, next, sorted[0], quarter, probe, sorted[0] - 1, Infinity, -Infinity]) {
        expect(order.countAtMost(at)).toBe(sorted.filter((v) => v <= at).length);
      }
    }),
    { seed: 52, numRuns: 500 }
  );
});

it('refuses what it cannot bucket: no values, one distinct value, infinities', () => {
  for (const x of [[], [NaN], [3, 3, NaN, 3], [1, Infinity, 2], [-Infinity, 0], [-1e308, 1e308]]) {
    expect(partialOrder(x, () => [0])).toBeNull();
  }
});

it('reads quantile ranks of long samples like a full sort', () => {
  let s = 3;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (const n of [2, 100, 10080, 100000]) {
    const x = Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
    const sorted = sortedCopy(x);
    const ranks = Array.from({ length: 9 }, (_, k) => Math.floor(((k + 1) / 10) * (n - 1)));
    const order = partialOrder(x, () => ranks)!;
    for (const r of ranks) {
      expect(order.at(r)).toBe(sorted[r]);
      expect(order.countAtMost(sorted[r])).toBe(sorted.filter((v) => v <= sorted[r]).length);
    }
  }
});
