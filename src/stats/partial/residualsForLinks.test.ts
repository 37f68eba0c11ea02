/** @jest-environment node */
import { normal, rng, withAndWithoutKernel } from '../__tests__/helpers';
import { pearsonComplete, pearsonPair } from '../correlation/pearsonPair';
import { residualsKernel } from '../correlation/wasm/residualsKernel';

type Residualize = typeof import('./residualize');

const { kernel, js } = withAndWithoutKernel<Residualize>(
  () => require('./residualize'),
  require.resolve('../correlation/wasm/residualsKernel'),
  { residualsKernel: () => null }
);

/** Twelve series of T points sharing a slow swing and the first control, with gaps where asked. */
function setup(T: number, seed: number, gaps: number[]) {
  const z = normal(rng(seed));
  const control = Float64Array.from({ length: T }, (_, t) => Math.sin(t / 17) + 0.3 * z());
  const series = Array.from({ length: 12 }, (_, i) =>
    Float64Array.from(
      { length: T },
      (_, t) => (i % 3) * control[t] + Math.cos(t / (5 + i)) + z() + 1e3 * (i === 4 ? 1 : 0)
    )
  );
  gaps.forEach((i) => (series[i][7] = NaN));
  const controls = [control, control.map((v) => v * v), control.map((v) => v * v * v)];
  return { series, controls };
}

it('the kernel compiles here', () => {
  expect(residualsKernel()).not.toBeNull();
});

it.each([
  [1440, []],
  [301, [5]],
  [64, [0, 9]],
])('T = %i, gaps in %j: the residuals as residualizer gives them, and the partial links read from them', (T, gaps) => {
  const { series, controls } = setup(T, T, gaps);
  const targets = [0, 9, 3];
  for (const side of [kernel, js]) {
    const got = side.residualsForLinks(series, controls, targets, new Float64Array(series.length * T));
    const residualize = side.residualizer(controls);
    got.residuals.forEach((r, i) => {
      const want = residualize(series[i]);
      r.forEach((v, t) => expect(Object.is(v, want[t])).toBe(true));
    });
    got.complete.forEach((c, j) => {
      expect(c === null).toBe(gaps.includes(j));
      if (!c) {
        return;
      }
      targets.forEach((t, ti) => {
        const target = got.complete[t];
        const sum = got.targetSums[ti][j];
        if (!target) {
          expect(sum).toBeNaN();
          return;
        }
        // r from the sums taken here, against pearsonPair on the residuals themselves.
        const r = pearsonComplete(c, target, 2, sum).r;
        const want = pearsonPair(got.residuals[j], got.residuals[t], 2).r;
        expect(Math.abs(r - want)).toBeLessThanOrEqual(1e-13);
      });
    });
    gaps.forEach((g) => got.targetSums.forEach((row) => expect(row[g]).toBeNaN()));
  }
});

it('takes the JavaScript route when the controls have a gap, with the same results there', () => {
  const { series, controls } = setup(200, 3, []);
  controls[0][50] = NaN;
  const a = kernel.residualsForLinks(series, controls, [1], new Float64Array(series.length * 200));
  const b = js.residualsForLinks(series, controls, [1], new Float64Array(series.length * 200));
  expect(a.complete).toEqual(b.complete);
  expect(Array.from(a.targetSums[0])).toEqual(Array.from(b.targetSums[0]));
});
