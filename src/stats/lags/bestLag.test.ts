import fc from 'fast-check';
import { bestLag } from './bestLag';

/** The rule as the doc states it: the largest |r|; ties to the smallest |k|, then to the negative lag. */
function byDefinition(curve: number[], maxLag: number): { lag: number; r: number } | null {
  const lags = curve.map((r, i) => ({ lag: i - maxLag, r })).filter((x) => Number.isFinite(x.r));
  if (lags.length === 0) {
    return null;
  }
  lags.sort((x, y) => Math.abs(y.r) - Math.abs(x.r) || Math.abs(x.lag) - Math.abs(y.lag) || x.lag - y.lag);
  return lags[0];
}

it('takes the largest |r|, ties to the smallest |k| and then to the negative lag, skipping NaN', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 12 }).chain((maxLag) =>
        fc.tuple(
          fc.constant(maxLag),
          fc.array(fc.constantFrom(-1, -0.5, -0.25, 0, 0.25, 0.5, 1, NaN), {
            minLength: 2 * maxLag + 1,
            maxLength: 2 * maxLag + 1,
          })
        )
      ),
      ([maxLag, curve]) => {
        const got = bestLag(curve, maxLag);
        const want = byDefinition(curve, maxLag);
        expect(got === null ? null : { lag: got.lag, r: got.r }).toEqual(want);
      }
    ),
    { numRuns: 500, seed: 3 }
  );
});

it('reports lag 0 for a flat curve and null when no lag has a value', () => {
  expect(bestLag([0.2, 0.2, 0.2], 1)).toEqual({ lag: 0, r: 0.2 });
  expect(bestLag([0.5, NaN, -0.5], 1)).toEqual({ lag: -1, r: 0.5 });
  expect(bestLag([NaN, NaN, NaN], 1)).toBeNull();
});
