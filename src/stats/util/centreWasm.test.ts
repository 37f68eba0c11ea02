/** @jest-environment node */
import fc from 'fast-check';
import { withAndWithoutKernel } from '../__tests__/helpers';
import { autocovarianceKernel } from '../correlation/wasm/autocovarianceKernel';

type Centre = typeof import('./centre');

const { kernel, js } = withAndWithoutKernel<Centre>(
  () => require('./centre'),
  require.resolve('../correlation/wasm/autocovarianceKernel'),
  { autocovarianceKernel: () => null }
);

it('the kernel compiles here', () => {
  expect(autocovarianceKernel()).not.toBeNull();
});

it("centres a long complete series to JavaScript's very doubles (values, count and sum of squares), gaps left to it", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 60, max: 400 }).chain((n) =>
        fc.tuple(
          fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
          // A large offset (a counter near 1e9), as the two-pass correction is for.
          fc.constantFrom(0, 1e9, -3.5e7),
          fc.integer({ min: -1, max: n - 1 }),
          fc.integer({ min: 0, max: 5 })
        )
      ),
      ([values, shift, gap, offset]) => {
        const x = Float64Array.from(values, (v) => v + shift);
        if (gap >= 0) {
          x[gap] = NaN;
        }
        const [a, b] = [new Float64Array(offset + x.length), new Float64Array(offset + x.length)];
        const got = kernel.centreInto(x, a, offset);
        const want = js.centreInto(x, b, offset);
        expect(got.count).toBe(want.count);
        expect(Object.is(got.ss, want.ss)).toBe(true);
        a.forEach((v, t) => expect(Object.is(v, b[t])).toBe(true));
      }
    ),
    { numRuns: 300, seed: 8 }
  );
});
