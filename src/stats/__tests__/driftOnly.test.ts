/** @jest-environment node */
import { analyze } from '../analyze';

it('a drift-only request (no plain series) computes drift on the grid it names', () => {
  const n = 120;
  const le = ['1', '2', '+Inf'];
  const buckets = le.map((_, b) => Float64Array.from({ length: n }, (_, i) => (b + 1) * 10 + (i > 80 ? b * 40 : 0)));
  const result = analyze({
    version: 1,
    series: [],
    grid: { start: 0, end: (n - 1) * 60_000, stepMs: 60_000 },
    drift: {
      series: [
        {
          id: 'h',
          input: { kind: 'histogram', le, buckets, mode: 'increase' },
          methods: ['psi'],
          baseline: { kind: 'fixed', from: 0, to: 40 * 60_000 },
          windowMs: 60_000,
        },
      ],
    },
  });
  expect(result.warnings.filter((w) => w.code === 'NO_SERIES' || w.code === 'INTERNAL_ERROR')).toEqual([]);
  const scores = result.drift!.series[0].methods[0].scores;
  expect(scores.length).toBe(n);
  expect(Math.max(...scores.filter((s): s is number => s !== null))).toBeGreaterThan(0.1);
});

it('without a grid, an empty series list is still refused with a clear warning', () => {
  const result = analyze({ version: 1, series: [] });
  expect(result.warnings.map((w) => w.code)).toContain('NO_SERIES');
});
