/** @jest-environment node */
import { normal, rng, withAndWithoutKernel } from '../__tests__/helpers';
import { residualsKernel } from '../correlation/wasm/residualsKernel';

type Residualize = typeof import('./residualize');

function series(seed: number, T: number): Float64Array {
  const z = normal(rng(seed));
  let level = 0;
  // A persistent series on a large offset: the fit's sums and terms are far from trivial.
  return Float64Array.from({ length: T }, () => (level = 0.9 * level + z()) + 1e3);
}

describe('residuals kernel', () => {
  const { kernel, js } = withAndWithoutKernel<Residualize>(
    () => require('./residualize'),
    require.resolve('../correlation/wasm/residualsKernel'),
    { residualsKernel: () => null }
  );

  it('compiles here, so the comparisons below run it', () => {
    expect(residualsKernel()).not.toBeNull();
  });

  // k = 1..7: every grouping of the kernel's column pairs and of the JavaScript's sums and terms; an odd
  // length leaves the kernel one row after its pairs.
  it.each([1, 2, 3, 4, 5, 6, 7])('with %i control terms gives the very doubles of JavaScript', (k) => {
    for (const T of [200, 199, 9]) {
      const controls = Array.from({ length: k }, (_, a) => series(100 + a, T));
      const shared = [kernel.residualizer(controls), js.residualizer(controls)];
      for (const seed of [1, 2]) {
        const x = series(seed, T);
        const want = js.residualize(x, controls);
        const got = [kernel.residualize(x, controls), shared[0](x), shared[1](x)];
        got.forEach((g) => g.forEach((v, t) => expect(Object.is(v, want[t])).toBe(true)));
        expect(want.every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('leaves a series with a gap, and too short a window, to JavaScript', () => {
    const controls = kernel.polynomialTerms(series(7, 50), 3);
    const x = series(8, 50);
    x[20] = NaN;
    const got = kernel.residualizer(controls)(x);
    expect(Number.isNaN(got[20])).toBe(true);
    got.forEach((v, t) => expect(Object.is(v, js.residualize(x, controls)[t])).toBe(true));
    expect(Array.from(kernel.residualize(series(9, 4), kernel.polynomialTerms(series(10, 4), 3)))).toEqual(
      Array(4).fill(NaN)
    );
  });
});
