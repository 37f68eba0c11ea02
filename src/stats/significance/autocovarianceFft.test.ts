/** @jest-environment node */
import fc from 'fast-check';
import { directCrossSum } from '../lags/directCrossSum';
import { AutocovarianceFft } from './autocovarianceFft';

it('FFT autocovariance sums equal the direct lagged sums to 1e-12 of S(0) (any n, any maxLag < n)', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 300 })
        .chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
            fc.integer({ min: 0, max: n - 1 })
          )
        ),
      ([values, maxLag]) => {
        const d = Float64Array.from(values);
        const plan = new AutocovarianceFft(d.length, maxLag);
        const sums = plan.sums(d, new Float64Array(maxLag + 1));
        const direct = directCrossSum(d, d, maxLag);
        const scale = direct[maxLag] || 1;
        for (let k = 0; k <= maxLag; k++) {
          expect(Math.abs(sums[k] - direct[maxLag + k]) / scale).toBeLessThanOrEqual(1e-12);
        }
      }
    ),
    { seed: 11, numRuns: 300 }
  );
});

it('reuses its buffers: a second series gives its own sums, not a mix with the first', () => {
  const plan = new AutocovarianceFft(5, 2);
  plan.sums(Float64Array.of(1, 2, 3, 4, 5), new Float64Array(3));
  const sums = plan.sums(Float64Array.of(1, -1, 1, -1, 1), new Float64Array(3));
  expect(Array.from(sums, (s) => Math.round(s * 1e9) / 1e9)).toEqual([5, -4, 3]);
});
