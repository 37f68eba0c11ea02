import type { SignalQuery } from '../types';
import { timeGrid } from './timeGrid';
import { PROMETHEUS_MAX_POINTS, verdictPlan, verdictPointBudget } from './verdictPlan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T = Date.UTC(2026, 0, 10);
const gauge: SignalQuery = { key: 'A', expr: 'a', role: 'infra', kind: 'gauge', transform: 'none' };
/** A drift signal with a preceding 4× baseline of 10-step windows: 50 steps of lookback before any window. */
const histogram: SignalQuery = {
  key: 'H',
  expr: 'h',
  role: 'model',
  kind: 'histogram',
  transform: 'none',
  baseline: 'preceding',
  windowSteps: 10,
};
const points = (g: { start: number; end: number; stepMs: number }) => (g.end - g.start) / g.stepMs + 1;

describe('verdictPlan', () => {
  it('fetches the 4× window before the range with it, on the matrix’s own step; the matrix keeps its grid', () => {
    const plan = verdictPlan(T - HOUR, T, MINUTE, {}, [gauge], { enabled: true, baseline: 'preceding' });
    expect(plan.incident).toEqual({ from: T - HOUR, to: T });
    expect(plan.baseline).toEqual({ kind: 'preceding', factor: 4 });
    expect(plan.matrixGrid).toEqual(timeGrid(T - HOUR, T, MINUTE, {}, [gauge]));
    expect(plan.fetchGrid).toEqual({ ...plan.matrixGrid, start: T - 5 * HOUR });
    expect(plan.notices).toEqual([]);
  });

  it('reaches back for the drift lookback of the baseline’s first window too', () => {
    const plan = verdictPlan(T - HOUR, T, MINUTE, {}, [gauge, histogram], { enabled: true, baseline: 'preceding' });
    expect(plan.fetchGrid.start).toBe(T - 5 * HOUR - 50 * MINUTE);
    expect(plan.matrixGrid.start).toBe(T - HOUR - 50 * MINUTE);
  });

  it('compares with the same window a day earlier: fetched as one range, the drift lookback before it', () => {
    const plan = verdictPlan(T - 6 * HOUR, T, MINUTE, {}, [histogram], { enabled: true, baseline: '1d' });
    expect(plan.baseline).toEqual({ kind: 'shifted', shift: '1d' });
    expect(plan.fetchGrid.start).toBe(T - DAY - 6 * HOUR - 50 * MINUTE);
    expect(plan.fetchGrid.stepMs).toBe(MINUTE);
  });

  it('holds the long range to 5× the data source’s point cap and never above Prometheus’s 11,000', () => {
    expect(verdictPointBudget({})).toBe(10_000);
    expect(verdictPointBudget({ maxPoints: 500 })).toBe(2_500);
    expect(verdictPointBudget({ maxPoints: 5_000 })).toBe(PROMETHEUS_MAX_POINTS);
  });

  it('shortens a preceding baseline that does not fit, keeping the matrix’s step, and says so', () => {
    // 2,000 one-minute points (the default cap) + 8,000 of baseline + 50 of drift lookback > 10,000.
    const from = T - 1999 * MINUTE;
    const plan = verdictPlan(from, T, MINUTE, {}, [gauge, histogram], { enabled: true, baseline: 'preceding' });
    expect(plan.baseline).toEqual({ kind: 'preceding', factor: 3 });
    expect(plan.matrixGrid.stepMs).toBe(MINUTE);
    expect(plan.fetchGrid.start).toBe(from - 3 * 1999 * MINUTE - 50 * MINUTE);
    expect(plan.notices).toEqual([expect.stringMatching(/baseline is shortened to the 3× longer window/)]);
  });

  it('coarsens the step, the matrix’s too, when a week-earlier baseline does not fit, and says so', () => {
    // One day at 1 min with the same day a week earlier: 8 days = 11,521 one-minute points > 10,000.
    // The coarser step is the 8 days over 9,999 intervals, rounded up to whole seconds: 69.12 s -> 70 s.
    const plan = verdictPlan(T - DAY, T, MINUTE, {}, [gauge], { enabled: true, baseline: '7d' });
    expect(plan.fetchGrid.stepMs).toBe(70_000);
    expect(plan.matrixGrid.stepMs).toBe(70_000);
    expect(points(plan.fetchGrid)).toBeLessThanOrEqual(10_000);
    expect(plan.fetchGrid.start).toBeLessThanOrEqual(T - 8 * DAY);
    expect(plan.notices).toEqual([expect.stringMatching(/step is coarsened from 60 s to 70 s/)]);
  });

  it('says so when a saved baseline is not one it knows, and uses the preceding window', () => {
    const plan = verdictPlan(T - HOUR, T, MINUTE, {}, [gauge], { enabled: true, baseline: '30d' as never });
    expect(plan.baseline).toEqual({ kind: 'preceding', factor: 4 });
    expect(plan.notices).toEqual([expect.stringMatching(/baseline "30d" is not one of preceding, 1d, 7d/)]);
  });
});
