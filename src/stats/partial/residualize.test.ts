/** @jest-environment node */
import { Matrix, solve } from 'ml-matrix';
import { rng, normal } from '../__tests__/helpers';
import { polynomialTerms, residualize, residualizer } from './residualize';

/** Least squares on [1, controls] over the rows where x and every control are finite (ml-matrix's QR solve). */
function reference(x: Float64Array, controls: Float64Array[]): Float64Array {
  const rows = Array.from(x.keys()).filter(
    (t) => Number.isFinite(x[t]) && controls.every((c) => Number.isFinite(c[t]))
  );
  const design = new Matrix(rows.map((t) => [1, ...controls.map((c) => c[t])]));
  const beta = solve(design, Matrix.columnVector(rows.map((t) => x[t])));
  const out = new Float64Array(x.length).fill(NaN);
  rows.forEach((t, r) => (out[t] = x[t] - design.getRow(r).reduce((s, v, a) => s + v * beta.get(a, 0), 0)));
  return out;
}

function noisy(seed: number, T: number, gaps: Array<[number, number]>): Float64Array {
  const z = normal(rng(seed));
  const x = Float64Array.from({ length: T }, () => z());
  gaps.forEach(([from, to]) => x.fill(NaN, from, to));
  return x;
}

describe('residualizer', () => {
  const T = 200;
  // k = 1..7 terms: the fit is summed up to three terms per pass, so every remainder is covered.
  it.each([1, 2, 3, 4, 5, 6, 7])('with %i control terms: the least-squares residuals, shared design or not', (k) => {
    const controls = Array.from({ length: k }, (_, a) => noisy(100 + a, T, a === 1 ? [[50, 55]] : []));
    const residuals = residualizer(controls);
    const xs = [
      noisy(1, T, []),
      noisy(2, T, [[0, 3]]),
      noisy(3, T, [
        [52, 60],
        [190, 200],
      ]),
      noisy(4, T - 1, []),
    ];
    xs.forEach((x) => {
      const out = new Float64Array(x.length).fill(7);
      const got = residuals(x, out);
      expect(got).toBe(out);
      expect(residuals(x)).toEqual(got);
      expect(residualize(x, controls)).toEqual(got);
      const want = reference(
        x,
        controls.map((c) => c.subarray(0, x.length))
      );
      got.forEach((v, t) => {
        if (Number.isNaN(want[t])) {
          expect(v).toBeNaN();
        } else {
          expect(Math.abs(v - want[t])).toBeLessThan(1e-11);
        }
      });
    });
  });

  it('gives NaN residuals when too few rows are left for the fit', () => {
    const controls = polynomialTerms(noisy(9, 6, [[0, 3]]), 3);
    expect(Array.from(residualizer(controls)(noisy(10, 6, []), new Float64Array(6)))).toEqual(Array(6).fill(NaN));
  });
});
