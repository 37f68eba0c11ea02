/** @jest-environment node */
import fc from 'fast-check';
import { ksStatisticSorted } from '../drift/ks';
import { ksKernel } from '../correlation/wasm/ksKernel';
import { ksDistance, ksDistanceKernel, ksDistanceSearch } from './ksDistance';

const sortedCopy = (x: number[]) => Float64Array.from(x).sort();
const bounds = (a: Float64Array, b: Float64Array): [number, number] => [Math.min(...a, ...b), Math.max(...a, ...b)];

/**
 * The two routes to D: the engine's (the WebAssembly kernel, which compiles here, and the JavaScript
 * search where the kernel declines a sample) and the JavaScript search alone (where WebAssembly cannot run).
 */
const routes: Array<[string, (a: Float64Array, b: Float64Array) => number]> = [
  ['kernel, then search', (a, b) => ksDistance(a, b)],
  ['search in JavaScript', (a, b) => ksDistanceSearch(a, b, ...bounds(a, b))],
];

it('the kernel compiles here and answers ordinary samples itself', () => {
  expect(ksKernel()).not.toBeNull();
  const a = Float64Array.from({ length: 1440 }, (_, t) => Math.sin(t / 30) + ((t * 7919) % 13) / 13);
  const b = a.map((v, t) => v + 0.2 * Math.cos(t / 7));
  const d = ksDistanceKernel(a, b, ...bounds(a, b));
  expect(Number.isNaN(d)).toBe(false);
  expect(d).toBe(ksStatisticSorted(a.slice().sort(), b.slice().sort()));
});

describe.each(routes)('%s', (_, route) => {
  const sameAsSortedMerge = (a: number[], b: number[]) =>
    Object.is(route(Float64Array.from(a), Float64Array.from(b)), ksStatisticSorted(sortedCopy(a), sortedCopy(b)));

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
        expect(sameAsSortedMerge(a, b)).toBe(true);
      }),
      { seed: 13, numRuns: 1000 }
    );
  });

  it('is the very same double on long monitoring-like samples (the bucketed route and its nested levels)', () => {
    // Long enough for hundreds of buckets, bounds that rule buckets out, and crowded buckets spread again.
    const long = { minLength: 1, maxLength: 1500, size: 'max' } as const;
    const walk = fc
      .tuple(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), long)
      )
      .map(([start, steps]) => {
        let level = start;
        return steps.map((step) => (level += step));
      });
    const counts = fc.array(fc.integer({ min: 0, max: 20 }), long);
    const scaled = fc
      .tuple(counts, fc.constantFrom(1, 0.1, 1e-300, 1e300, Number.MIN_VALUE))
      .map(([xs, unit]) => xs.map((x) => x * unit));
    const withOutlier = fc
      .tuple(walk, fc.double({ min: -1e12, max: 1e12, noNaN: true }))
      .map(([xs, outlier]) => [...xs, outlier]);
    const constant = fc
      .tuple(fc.constantFrom(-0, 0, 3, -1e-3), fc.integer({ min: 1, max: 500 }))
      .map(([v, n]) => Array.from({ length: n }, () => v));
    const sample = fc.oneof(walk, counts, scaled, withOutlier, constant);
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        expect(sameAsSortedMerge(a, b)).toBe(true);
      }),
      { seed: 17, numRuns: 300 }
    );
  });

  it('is the very same double for samples of one distribution, permutations and near copies', () => {
    // Gaps that stay small everywhere leave many buckets to sort.
    let seed = 7;
    const uniform = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const n of [1, 2, 49, 500, 1440]) {
      const a = Array.from({ length: n }, () => Math.round(uniform() * 1e4) / 100);
      const b = Array.from({ length: n + 3 }, () => Math.round(uniform() * 1e4) / 100);
      expect(sameAsSortedMerge(a, b)).toBe(true);
      const nudged = a.map((x) => x + 1e-9);
      const negativeZeros = a.map((x) => (x === 0 ? -0 : x));
      expect(sameAsSortedMerge(a, [...a].reverse())).toBe(true);
      expect(sameAsSortedMerge(a, nudged)).toBe(true);
      expect(sameAsSortedMerge(a, negativeZeros)).toBe(true);
    }
  });

  it('is the very same double where nesting stops: a geometric run, and spacings the scale cannot spread', () => {
    const geometric = Array.from({ length: 1200 }, (_, k) => 2 ** -k);
    const thinned = geometric.filter((_, k) => k % 3 !== 0);
    expect(sameAsSortedMerge(geometric, thinned)).toBe(true);
    const tiny = Array.from({ length: 600 }, (_, k) => (k % 97) * Number.MIN_VALUE);
    expect(sameAsSortedMerge([...tiny, 1], tiny.slice(0, 400).reverse())).toBe(true);
    expect(sameAsSortedMerge([-Number.MAX_VALUE, ...tiny], [Number.MAX_VALUE, ...tiny.slice(100)])).toBe(true);
  });

  it('handles large buckets shared by both samples and a burst far above a flat series', () => {
    const flat = Array.from({ length: 2000 }, (_, i) => (i === 700 ? 1e9 : (i * 7919) % 13));
    const other = Array.from({ length: 1500 }, (_, i) => ((i * 104729) % 17) / 3);
    expect(sameAsSortedMerge(flat, other)).toBe(true);
  });

  it('leaves its inputs as they were and gives NaN for an empty sample', () => {
    const a = Float64Array.of(3, 1, 2);
    const b = Float64Array.of(2.5, 0.5);
    route(a, b);
    expect(Array.from(a)).toEqual([3, 1, 2]);
    expect(Array.from(b)).toEqual([2.5, 0.5]);
    expect(ksDistance(a, new Float64Array(0))).toBeNaN();
  });
});
