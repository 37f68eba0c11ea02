/** @jest-environment node */
import fc from 'fast-check';
import { directCrossSum } from '../lags/directCrossSum';
import { autocovarianceKernel } from '../correlation/wasm/autocovarianceKernel';
import { paddedSize } from '../lags/fftCrossSum';
import { AutocovarianceFft, FftJsAutocovariance } from './autocovarianceFft';
import { WasmAutocovariance } from './autocovarianceWasm';

/** Both ways of taking the sums: the WebAssembly kernel (where it compiles, as here) and fft.js. */
const plans = {
  wasm: (n: number, maxLag: number) => WasmAutocovariance.plan(paddedSize(n + maxLag), maxLag)!,
  'fft.js': (n: number, maxLag: number) => new FftJsAutocovariance(paddedSize(n + maxLag), maxLag),
};

it('the WebAssembly kernel compiles here, and AutocovarianceFft uses it', () => {
  expect(autocovarianceKernel()).not.toBeNull();
  expect(WasmAutocovariance.plan(2048, 360)).not.toBeNull();
});

it.each(Object.entries(plans))(
  '%s: FFT autocovariance sums equal the direct lagged sums to 1e-12 of S(0) (any n, any maxLag < n)',
  (_, make) => {
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
          const plan = make(d.length, maxLag);
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
  }
);

it('reuses its buffers: a second series gives its own sums, not a mix with the first', () => {
  const plan = new AutocovarianceFft(5, 2);
  plan.sums(Float64Array.of(1, 2, 3, 4, 5), new Float64Array(3));
  const sums = plan.sums(Float64Array.of(1, -1, 1, -1, 1), new Float64Array(3));
  expect(Array.from(sums, (s) => Math.round(s * 1e9) / 1e9)).toEqual([5, -4, 3]);
});

it('plans of different sizes in turn each give their own sums (the kernel holds the tables of one plan at a time)', () => {
  const a = Float64Array.from({ length: 1440 }, (_, t) => Math.sin(t / 9) + 0.3 * Math.cos(t * 1.7));
  const b = a.subarray(0, 300);
  const big = new AutocovarianceFft(a.length, 360);
  const small = new AutocovarianceFft(b.length, 75);
  const first = [big.sums(a, new Float64Array(361)), small.sums(b, new Float64Array(76))];
  const again = [big.sums(a, new Float64Array(361)), small.sums(b, new Float64Array(76))];
  expect(again).toEqual(first);
  const direct = directCrossSum(b, b, 75);
  first[1].forEach((s, k) => expect(Math.abs(s - direct[75 + k])).toBeLessThanOrEqual(1e-12 * direct[75]));
});
