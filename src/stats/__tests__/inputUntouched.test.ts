/** @jest-environment node */
// The engine reads the caller's arrays and never writes into them: a series given on the grid without
// missing values is analysed in place (no copy), so every stage must leave it as it was.
import { analyze } from '../analyze';
import { ar1, normal } from './helpers';
import { mulberry32 } from '../../../simulator/rng';

it('leaves every input array as it was, through all stages', () => {
  const z = normal(mulberry32(7));
  const T = 240;
  const series = Array.from({ length: 5 }, (_, i) => ({
    id: `s${i}`,
    values: Float64Array.from(ar1(0.8, T, z), (v, t) => v + (i === 4 ? t : 0)),
  }));
  series[3].values[17] = NaN; // one series with a gap takes the copying path, the others the shared one
  const before = series.map((s) => Float64Array.from(s.values));
  const res = analyze({
    version: 1,
    series,
    align: { fill: 'linear', maxGap: 3 },
    transforms: { bySeries: { s2: { type: 'zscore' } } },
    correlation: { method: 'spearman' },
    partial: { controls: ['s4'] },
    lags: { maxLag: 5, all: true },
    clustering: { enabled: true },
  });
  expect(res.warnings.filter((w) => w.code === 'INTERNAL_ERROR')).toEqual([]);
  expect(res.correlation).toBeDefined();
  series.forEach((s, i) => expect(Array.from(s.values)).toEqual(Array.from(before[i])));
});
