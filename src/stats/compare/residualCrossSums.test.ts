import { completeSeries, pearsonComplete } from '../correlation/pearsonPair';
import { residualCrossSums } from './targetLinks';

it('gives every target and signal the cross sum pearsonComplete takes itself, and NaN where a series has a gap', () => {
  const rows = Array.from({ length: 7 }, (_, i) =>
    Float64Array.from({ length: 50 }, (_, t) => Math.sin(t * (0.3 + i / 7)) + ((t * (i + 3)) % 11) / 5)
  );
  rows[2][10] = NaN;
  const complete = rows.map(completeSeries);
  expect(complete[2]).toBeNull();
  const targets = [4, 2, 0, 6, 1];
  const sums = residualCrossSums(complete, targets);
  targets.forEach((t, ti) =>
    complete.forEach((c, j) => {
      const target = complete[t];
      if (c && target) {
        expect(Object.is(pearsonComplete(c, target, 2, sums[ti][j]).r, pearsonComplete(c, target, 2).r)).toBe(true);
      } else {
        expect(sums[ti][j]).toBeNaN();
      }
    })
  );
});
