/** @jest-environment node */
import fc from 'fast-check';
import { sortFloat64 } from './sortFloat64';

/** The native sort with -0 read as +0 (sortFloat64 treats them as one value). */
function reference(x: number[]): Float64Array {
  return Float64Array.from(x, (v) => (v === 0 ? 0 : v)).sort();
}

function sortedPlain(x: number[]): Float64Array {
  return sortFloat64(Float64Array.from(x)).map((v) => (v === 0 ? 0 : v));
}

it('orders any finite doubles as the native sort does (ties, both zeros, extremes, clusters)', () => {
  const value = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: 1e-3, max: 2e-3, noNaN: true }),
    fc.constantFrom(-0, 0, Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE)
  );
  fc.assert(
    fc.property(fc.array(value, { maxLength: 300 }), (x) => {
      expect(sortedPlain(x)).toEqual(reference(x));
    }),
    { seed: 7, numRuns: 500 }
  );
});

it('sorts in place and returns its argument', () => {
  const x = Float64Array.of(3, -1, 2);
  expect(sortFloat64(x)).toBe(x);
  expect(Array.from(x)).toEqual([-1, 2, 3]);
});

it('handles the shapes that fill one bucket: a flat series with one burst, powers of two, a subnormal range', () => {
  const burst = Array.from({ length: 2000 }, (_, i) => (i === 700 ? 1e9 : (i * 7919) % 13));
  const powers = Array.from({ length: 1000 }, (_, i) => 2 ** ((i * 37) % 1000) * (i % 2 ? -1 : 1));
  const tiny = Array.from({ length: 500 }, (_, i) => ((i * 31) % 17) * Number.MIN_VALUE);
  for (const x of [burst, powers, tiny]) {
    expect(sortedPlain(x)).toEqual(reference(x));
  }
});
