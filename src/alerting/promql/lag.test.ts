/** @jest-environment node */
import { lagged } from './lag';

it.each([
  [
    'sum(rate(a_total{ns="x"}[2m])) / sum(rate(b_total[2m]))',
    'sum(rate(a_total{ns="x"}[2m] offset 3m)) / sum(rate(b_total[2m] offset 3m))',
  ],
  // An existing offset grows by the lag; a pinned selector stays pinned; constants and time() do not move.
  [
    'x @ 1700000000 offset 1m + y offset 2m + {__name__="z"} - 0.5e-3 * on() group_left time()',
    'x @ 1700000000 offset 1m + y offset 5m + {__name__="z"} offset 3m - 0.5e-3 * on() group_left time()',
  ],
  // Label lists, label_replace strings and aggregation keywords are not selectors.
  [
    'sum by (pod) (x and on(pod) label_replace(vector(1), "pod", "a\\"b", "", ""))',
    'sum by (pod) (x offset 3m and on(pod) label_replace(vector(1), "pod", "a\\"b", "", ""))',
  ],
  ['max without (le) (m_bucket{le="+Inf"}[20m] offset 5m)', 'max without (le) (m_bucket{le="+Inf"}[20m] offset 8m)'],
  // A subquery keeps its own modifiers: the selectors inside carry the lag.
  [
    '(sum(x))[5m:1m] offset 1m + avg_over_time(y[5m:30s])',
    '(sum(x offset 3m))[5m:1m] offset 1m + avg_over_time(y[5m:30s] offset 3m)',
  ],
  ['a * on() group_left b', 'a offset 3m * on() group_left b offset 3m'],
])('%s', (expr, expected) => {
  expect(lagged(expr, 180)).toBe(expected);
});

it('leaves the expression alone for no lag, and refuses what would need a negative offset', () => {
  expect(lagged('x', 0)).toBe('x');
  expect(() => lagged('x offset -5m', 60)).toThrow(/negative offset/);
});
