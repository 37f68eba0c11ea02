/** @jest-environment node */
import fc from 'fast-check';
import { radixSortFloat64, RadixScratch, sortedWithoutNaN } from './radixSortFloat64';

/** The reference order: a plain comparator (-0 before +0, as the native typed-array sort orders them). */
function compareValues(a: number, b: number): number {
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  return Number(Object.is(b, -0)) - Number(Object.is(a, -0));
}

/** Bit-exact equality (tells -0 from +0). */
function expectSameDoubles(got: ArrayLike<number>, want: ArrayLike<number>): void {
  expect(Array.from(got, (v) => (Object.is(v, -0) ? '-0' : v))).toEqual(
    Array.from(want, (v) => (Object.is(v, -0) ? '-0' : v))
  );
}

/** Values sharing the high 32 bits of their pattern (the runs the final insertion sort finishes). */
const sameHighWord = fc
  .tuple(fc.constantFrom(1, -1, 1e-300, -3.5e10, 5e-324), fc.integer({ min: 0, max: 2000 }))
  .map(([base, k]) => (base > 0 ? base + k * Number.EPSILON * base : base - k * Number.EPSILON * Math.abs(base)));

/** Ties, both zeros, infinities, subnormals, wide exponents and same-high-word neighbours. */
const value = fc.oneof(
  fc.integer({ min: -4, max: 4 }),
  fc.constantFrom(-0, 0, Infinity, -Infinity, 5e-324, -5e-324, 2.2e-308, -2.2e-308, 1e308, -1e308),
  fc.double({ noNaN: true }),
  fc.double({ min: -1, max: 1, noNaN: true }),
  sameHighWord
);

/** Lengths below and above the radix threshold (48), including 0 and 1. */
const values = fc.array(value, { maxLength: 400 });

it('sorts like a comparator sort, bit for bit (ties, both zeros, infinities, subnormals)', () => {
  fc.assert(
    fc.property(values, (x) => {
      const got = Float64Array.from(x);
      radixSortFloat64(got);
      expectSameDoubles(got, [...x].sort(compareValues));
    }),
    { seed: 41, numRuns: 600 }
  );
});

it('carries the payload stably: equal values keep their input order', () => {
  fc.assert(
    fc.property(values, (x) => {
      const v = Float64Array.from(x);
      const at = Int32Array.from(x, (_, i) => i);
      radixSortFloat64(v, at);
      const want = x.map((_, i) => i).sort((a, b) => compareValues(x[a], x[b]) || a - b);
      expect(Array.from(at)).toEqual(want);
      expectSameDoubles(
        v,
        Array.from(at, (i) => x[i])
      );
    }),
    { seed: 42, numRuns: 600 }
  );
});

it('finishes long runs of equal high words (the comparison-sort fallback) in order', () => {
  fc.assert(
    fc.property(fc.array(sameHighWord, { minLength: 200, maxLength: 1500 }), (x) => {
      const v = Float64Array.from(x);
      const at = Int32Array.from(x, (_, i) => i);
      radixSortFloat64(v, at);
      expect(Array.from(at)).toEqual(x.map((_, i) => i).sort((a, b) => compareValues(x[a], x[b]) || a - b));
      const plain = Float64Array.from(x);
      radixSortFloat64(plain);
      expectSameDoubles(plain, [...x].sort(compareValues));
    }),
    { seed: 43, numRuns: 60 }
  );
});

it('sortedWithoutNaN drops NaN and equals the native sort; a shared scratch gives the same answers', () => {
  const scratch = new RadixScratch();
  fc.assert(
    fc.property(fc.array(fc.oneof(value, fc.constant(NaN)), { maxLength: 400 }), (x) => {
      const want = Float64Array.from(x.filter((v) => !Number.isNaN(v))).sort();
      expectSameDoubles(sortedWithoutNaN(x), want);
      expectSameDoubles(sortedWithoutNaN(x, scratch), want);
    }),
    { seed: 44, numRuns: 400 }
  );
});

it('sorts long normal-like samples like the native sort', () => {
  let s = 7;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (const n of [47, 48, 49, 2048, 10080, 100000]) {
    const x = Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
    const got = Float64Array.from(x);
    radixSortFloat64(got);
    expectSameDoubles(got, Float64Array.from(x).sort());
  }
});

it('sorts samples with outliers, huge or tiny ranges and infinities', () => {
  let s = 13;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const cases = [
    [...Array.from({ length: 3000 }, () => u()), 1e12],
    [...Array.from({ length: 3000 }, () => Math.round(u() * 20) - 10), -1e300, 1e300],
    [...Array.from({ length: 3000 }, () => u() - 0.5), Infinity, -Infinity, -0, 0],
    Array.from({ length: 3000 }, () => (u() - 0.5) * 1e-300),
  ];
  for (const x of cases) {
    const v = Float64Array.from(x);
    const at = Int32Array.from(x, (_, i) => i);
    radixSortFloat64(v, at);
    expect(Array.from(at)).toEqual(x.map((_, i) => i).sort((a, b) => compareValues(x[a], x[b]) || a - b));
  }
});

it('sorts when some or all digits are shared by every value (skipped passes)', () => {
  let s = 11;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const cases = [
    Array.from({ length: 3000 }, () => 1 + Math.floor(u() * 5000) * Number.EPSILON),
    Array.from({ length: 3000 }, () => Math.floor(u() * 1000)),
    Array.from({ length: 3000 }, () => 7),
  ];
  for (const x of cases) {
    const v = Float64Array.from(x);
    const at = Int32Array.from(x, (_, i) => i);
    radixSortFloat64(v, at);
    expect(Array.from(at)).toEqual(x.map((_, i) => i).sort((a, b) => compareValues(x[a], x[b]) || a - b));
  }
});
