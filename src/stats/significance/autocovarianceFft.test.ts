/** @jest-environment node */
import fc from 'fast-check';
import { autocovarianceKernel } from '../correlation/wasm/autocovarianceKernel';
import { directCrossSum } from '../lags/directCrossSum';
import { paddedSize } from '../lags/fftCrossSum';
import { centreInto } from '../util/centre';
import { FftJsAutocovariance } from './autocovarianceFft';
import { WasmAutocovariance } from './autocovarianceWasm';
import { autocovarianceOf, JsAutocovariance, type SeriesAutocovariance } from './seriesAutocovariance';

/** Both ways of taking a series' sums: the WebAssembly kernel (it compiles here) and JavaScript with fft.js. */
const plans: Record<string, (n: number, maxLag: number) => SeriesAutocovariance> = {
  wasm: (n, maxLag) => WasmAutocovariance.plan(n, paddedSize(n + maxLag), maxLag)!,
  javascript: (n, maxLag) => new JsAutocovariance(n, paddedSize(n + maxLag), maxLag),
};

/** The reference: centreInto's deviations, and np.correlate-style direct sums of them. */
function expected(values: ArrayLike<number>, maxLag: number) {
  const d = new Float64Array(values.length);
  const centred = centreInto(values, d);
  return { ...centred, sums: directCrossSum(d, d, maxLag).subarray(maxLag) };
}

it('the WebAssembly kernel compiles here, and the engine uses it', () => {
  expect(autocovarianceKernel()).not.toBeNull();
  expect(autocovarianceOf(1440, 360).wasm).toBe(true);
});

it.each(Object.entries(plans))(
  '%s: count, sum of squares, direct and FFT sums equal the direct sums of centred values to 1e-12 of S(0)',
  (_, make) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((n) =>
          fc.tuple(
            fc.array(
              fc.option(
                // Thousandths: no subnormal squares, whose sums have no relative precision to compare.
                fc.integer({ min: -1e6, max: 1e6 }).map((v) => v / 1000),
                { freq: 8, nil: NaN }
              ),
              {
                minLength: n,
                maxLength: n,
              }
            ),
            fc.integer({ min: 0, max: Math.max(0, Math.floor(n / 2) - 1) })
          )
        ),
        ([values, maxLag]) => {
          const want = expected(values, maxLag);
          const plan = make(values.length, maxLag);
          const got = plan.load(values);
          expect(got.count).toBe(want.count);
          const scale = want.sums[0] || 1;
          expect(Math.abs(got.ss - want.ss)).toBeLessThanOrEqual(1e-12 * scale);
          for (let k = 1; k <= maxLag; k += 8) {
            const last = Math.min(maxLag, k + 7);
            const direct = plan.direct(k, last, new Float64Array(8));
            for (let j = k; j <= last; j++) {
              expect(Math.abs(direct[j - k] - want.sums[j])).toBeLessThanOrEqual(1e-12 * scale);
            }
          }
          const all = plan.all(new Float64Array(maxLag + 1));
          all.forEach((s, k) => expect(Math.abs(s - want.sums[k])).toBeLessThanOrEqual(1e-12 * scale));
        }
      ),
      { seed: 11, numRuns: 300 }
    );
  }
);

it('fft.js plan: a second series gives its own sums, not a mix with the first', () => {
  const plan = new FftJsAutocovariance(paddedSize(5 + 2), 2);
  plan.sums(Float64Array.of(1, 2, 3, 4, 5), new Float64Array(3));
  const sums = plan.sums(Float64Array.of(1, -1, 1, -1, 1), new Float64Array(3));
  expect(Array.from(sums, (s) => Math.round(s * 1e9) / 1e9)).toEqual([5, -4, 3]);
});

it('kernel plans of different lengths in turn each give their own sums (its memory holds the tables of one plan at a time)', () => {
  const a = Float64Array.from({ length: 1440 }, (_, t) => Math.sin(t / 9) + 0.3 * Math.cos(t * 1.7));
  const b = a.subarray(0, 300);
  const big = plans.wasm(a.length, 360);
  const small = plans.wasm(b.length, 75);
  const run = (plan: SeriesAutocovariance, x: Float64Array, maxLag: number) => {
    plan.load(x);
    return plan.all(new Float64Array(maxLag + 1));
  };
  const first = [run(big, a, 360), run(small, b, 75)];
  // The small plan's series lies over the big plan's tables: the big plan must write them again.
  const again = [run(big, a, 360), run(small, b, 75)];
  expect(again).toEqual(first);
  const want = expected(a, 360);
  first[0].forEach((s, k) => expect(Math.abs(s - want.sums[k])).toBeLessThanOrEqual(1e-12 * want.sums[0]));
});
