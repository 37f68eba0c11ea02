/** @jest-environment node */
import fc from 'fast-check';
import { directCrossSum } from './directCrossSum';

/** np.correlate(b, a, 'full') around lag 0, one lag at a time, each sum in order of t. */
function oneLagAtATime(a: Float64Array, b: Float64Array, maxLag: number): Float64Array {
  return Float64Array.from({ length: 2 * maxLag + 1 }, (_, i) => {
    const k = i - maxLag;
    let s = 0;
    for (let t = 0; t < a.length; t++) {
      if (t + k >= 0 && t + k < b.length) {
        s += a[t] * b[t + k];
      }
    }
    return s;
  });
}

it('sums lags in blocks to the very same doubles as one lag at a time (any T, maxLag up to past T)', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 0, max: 60 })
        .chain((T) =>
          fc.tuple(
            fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: T, maxLength: T }),
            fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: T, maxLength: T }),
            fc.integer({ min: 0, max: T + 5 })
          )
        ),
      ([a, b, L]) => {
        const x = Float64Array.from(a);
        const y = Float64Array.from(b);
        expect(directCrossSum(x, y, L)).toEqual(oneLagAtATime(x, y, L));
      }
    ),
    { seed: 9, numRuns: 400 }
  );
});
