/** @jest-environment node */
import fc from 'fast-check';
import { ksStatisticSorted } from '../drift/ks';
import { ksDistance } from './ksDistance';

const sortedCopy = (x: number[]) => Float64Array.from(x).sort();

it('is the very same double as the sorted-merge statistic (ties, both zeros, clusters, extremes)', () => {
  const value = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: 1e-3, max: 2e-3, noNaN: true }),
    fc.constantFrom(-0, 0, Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE)
  );
  const sample = fc.array(value, { minLength: 1, maxLength: 200 });
  fc.assert(
    fc.property(sample, sample, (a, b) => {
      expect(
        Object.is(
          ksDistance(Float64Array.from(a), Float64Array.from(b)),
          ksStatisticSorted(sortedCopy(a), sortedCopy(b))
        )
      ).toBe(true);
    }),
    { seed: 13, numRuns: 1000 }
  );
});

it('handles large buckets shared by both samples and a burst far above a flat series', () => {
  const flat = Array.from({ length: 2000 }, (_, i) => (i === 700 ? 1e9 : (i * 7919) % 13));
  const other = Array.from({ length: 1500 }, (_, i) => ((i * 104729) % 17) / 3);
  const d = ksDistance(Float64Array.from(flat), Float64Array.from(other));
  expect(Object.is(d, ksStatisticSorted(sortedCopy(flat), sortedCopy(other)))).toBe(true);
});

it('leaves its inputs as they were and gives NaN for an empty sample', () => {
  const a = Float64Array.of(3, 1, 2);
  const b = Float64Array.of(2.5, 0.5);
  ksDistance(a, b);
  expect(Array.from(a)).toEqual([3, 1, 2]);
  expect(Array.from(b)).toEqual([2.5, 0.5]);
  expect(ksDistance(a, new Float64Array(0))).toBeNaN();
});
