/** @jest-environment node */
import { laggedSumsJs, lagSumsOf } from './directCrossSum';

/** Where WebAssembly cannot run (a Content-Security-Policy without 'wasm-unsafe-eval', no SIMD). */
jest.mock('../correlation/wasm/gramKernel', () => ({
  gramKernel: () => ({ exports: null, name: null, unavailable: 'blocked for the test' }),
}));
jest.mock('../correlation/wasm/autocovarianceKernel', () => ({ autocovarianceKernel: () => null }));

const x = Float64Array.from({ length: 1440 }, (_, t) => Math.sin(t / 7) + 0.1 * Math.cos(t * 1.3));
const y = Float64Array.from({ length: 1440 }, (_, t) => Math.cos(t / 11));

it('lag sums fall back to JavaScript without a kernel', () => {
  const sums = lagSumsOf(x, y, 21);
  expect(sums.wasm).toBe(false);
  expect(sums.sums(-10, 10)).toEqual(laggedSumsJs(x, y, -10, 10, new Float64Array(21)));
});

it('the autocorrelation time is the same to 1e-12 with and without the kernel', () => {
  let seed = 1;
  const noise = Float64Array.from({ length: 1440 }, () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5);
  // A 15-step moving sum closes its window past 16 lags: direct sums with the kernel, the FFT without it.
  const slow = noise.map((_, t) => noise.subarray(Math.max(0, t - 14), t + 1).reduce((s, v) => s + v, 0));
  const windows = [x, y, noise, slow, slow.subarray(0, 300), noise.subarray(0, 40)];
  type Modules = [typeof import('../significance/autocorrelationTime'), typeof import('./directCrossSum')];
  const load = (): Modules => [require('../significance/autocorrelationTime'), require('./directCrossSum')];
  let without: Modules | undefined;
  let withKernel: Modules | undefined;
  jest.isolateModules(() => (without = load()));
  jest.isolateModules(() => {
    jest.dontMock('../correlation/wasm/gramKernel');
    jest.dontMock('../correlation/wasm/autocovarianceKernel');
    withKernel = load();
  });
  expect(without![1].lagSumsOf(x, y, 21).wasm).toBe(false);
  expect(withKernel![1].lagSumsOf(x, y, 21).wasm).toBe(true);
  const a = windows.map((w) => without![0].autocorrelationTime(w));
  const b = windows.map((w) => withKernel![0].autocorrelationTime(w));
  // The moving sums' τ is near 15: windows of about 75 lags.
  expect(a[3]).toBeGreaterThan(8);
  a.forEach((tau, i) => {
    expect(Math.abs(b[i] - tau)).toBeLessThanOrEqual(1e-12 * tau);
  });
});
