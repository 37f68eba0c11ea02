import { createDataFrame, FieldType } from '@grafana/data';
import { groupHistogram } from './histogramSeries';

const grid = { start: 0, end: 240_000, stepMs: 60_000, visibleFrom: 0 };
const bucket = (le: string, feature: string, values: Array<number | null>) =>
  createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => i * 60_000) },
      { name: 'Value', type: FieldType.number, values, labels: { le, feature } },
    ],
  });

it('groups buckets by their other labels, sorts le with +Inf last, and turns per-step increases into counters', () => {
  const { groups, withoutLe } = groupHistogram(
    [bucket('+Inf', 'a', [4, 4, 4, 4, 4]), bucket('0.5', 'a', [1, 2, null, 1, 0]), bucket('1', 'b', [3, 3, 3, 3, 3])],
    'x',
    grid
  );
  expect(withoutLe).toBe(0);
  const a = groups.find((g) => g.labels.feature === 'a')!;
  expect(a.selector).toBe('x{feature="a"}');
  expect(a.le).toEqual(['0.5', '+Inf']);
  // A missing step adds nothing: the counter holds its value.
  expect(Array.from(a.buckets[0])).toEqual([1, 3, 3, 4, 4]);
  expect(Array.from(a.buckets[1])).toEqual([4, 8, 12, 16, 20]);
  expect(groups).toHaveLength(2);
});
