/** @jest-environment node */
// The compare section under bad input: every case ends in a clear COMPARE_WINDOW (or other coded)
// warning, never an exception and never a verdict drawn from nothing.
import { analyze } from '../analyze';
import type { AnalyzeRequest, CompareRequest } from '../contract';
import { autocorrelationTime } from '../significance/autocorrelationTime';
import { ar1, normal, rng } from './helpers';

const STEP = 60_000;
const T = 300;

function request(compare: Partial<CompareRequest>, length = T): AnalyzeRequest {
  const z = normal(rng(7));
  return {
    version: 1,
    series: ['model', 'cpu', 'traffic'].map((id) => ({ id, values: ar1(0.5, length, z) })),
    grid: { start: 0, stepMs: STEP },
    correlation: { enabled: false },
    compare: { incident: { from: 200 * STEP, to: 260 * STEP }, targets: ['model'], ...compare },
  };
}

const codes = (r: ReturnType<typeof analyze>) => r.warnings.map((w) => w.code);
const messages = (r: ReturnType<typeof analyze>) => r.warnings.map((w) => w.message).join('\n');

it('an incident window outside the data: says where the data are, no verdict', () => {
  const r = analyze(request({ incident: { from: 10_000 * STEP, to: 10_060 * STEP } }));
  expect(codes(r)).toContain('COMPARE_WINDOW');
  expect(messages(r)).toMatch(/incident window .* holds no data point: the data run from/);
  expect(r.compare?.verdicts[0].kind).toBe('inconclusive');
});

it('a baseline that overlaps the incident is refused with what to change', () => {
  const r = analyze(request({ baseline: { kind: 'fixed', from: 150 * STEP, to: 220 * STEP } }));
  expect(r.compare).toBeUndefined();
  expect(messages(r)).toMatch(/overlaps the incident .* ends before the incident starts/);
});

it('an empty baseline (before the data) says so and gives no verdict but inconclusive', () => {
  const r = analyze(request({ baseline: { kind: 'shifted', shift: '7d' } }));
  expect(messages(r)).toMatch(/baseline window .* holds no data point/);
  expect(r.compare?.verdicts[0].kind).toBe('inconclusive');
  expect(r.compare?.verdicts[0].sentence).toMatch(/Inconclusive for model/);
});

it('one point in the incident: inconclusive with the window needed', () => {
  const r = analyze(request({ incident: { from: 199 * STEP, to: 200 * STEP } }));
  const v = r.compare!.verdicts[0];
  expect(v.kind).toBe('inconclusive');
  expect(v.neededMs).toBeGreaterThan(STEP);
  expect(v.sentence).toMatch(/is needed/);
});

it('unknown targets and controls are named in warnings; malformed windows and baselines are refused', () => {
  const unknown = analyze(request({ targets: ['nope'], controls: ['gone'] }));
  expect(messages(unknown)).toMatch(/unknown series 'nope'/);
  expect(messages(unknown)).toMatch(/unknown series 'gone'/);
  expect(unknown.compare?.verdicts).toEqual([]);
  for (const bad of [
    { incident: { from: 5, to: 5 } },
    { incident: { from: NaN, to: 5 } },
    { baseline: { kind: 'weekly' } as never },
    { baseline: { kind: 'fixed', from: 9, to: 3 } as never },
  ]) {
    const r = analyze(request(bad));
    expect(r.compare).toBeUndefined();
    expect(codes(r)).toContain('COMPARE_WINDOW');
  }
});

it('NaN, Infinity and constant series in the windows do not throw and do not produce a change', () => {
  const req = request({});
  req.series.push({ id: 'flat', values: new Array(T).fill(3) });
  req.series.push({ id: 'holes', values: Array.from({ length: T }, (_, t) => (t % 3 === 0 ? NaN : t % 7)) });
  req.series.push({ id: 'inf', values: Array.from({ length: T }, (_, t) => (t % 5 === 0 ? Infinity : Math.sin(t))) });
  const r = analyze({ ...req, compare: { ...req.compare!, targets: ['flat', 'holes', 'model'] } });
  expect(codes(r)).not.toContain('INTERNAL_ERROR');
  const flat = r.compare!.signals.find((s) => s.id === 'flat')!;
  expect(flat.p).toBe(1);
  expect(r.compare!.verdicts.find((v) => v.target === 'flat')!.kind).toBe('no change');
});

describe('autocorrelation time (Sokal window) against theory', () => {
  it.each([0, 0.5, 0.9])('AR(1) phi %p: tau near (1 + phi) / (1 - phi)', (phi) => {
    const z = normal(rng(11));
    // The estimate's relative spread is about sqrt(2(2M + 1)/n) (M the window, ~5 tau): 5 % at n = 100,000, tau 19.
    const x = ar1(phi, 100_000, z);
    const theory = (1 + phi) / (1 - phi);
    expect(Math.abs(autocorrelationTime(x) - theory) / theory).toBeLessThan(0.15);
  });

  it('a 5-step moving average of white noise: tau near 5, where the lag-1 AR(1) rule says 9', () => {
    const z = normal(rng(13));
    const e = Array.from({ length: 20_005 }, () => z());
    const x = Array.from({ length: 20_000 }, (_, t) => (e[t] + e[t + 1] + e[t + 2] + e[t + 3] + e[t + 4]) / 5);
    expect(Math.abs(autocorrelationTime(x) - 5) / 5).toBeLessThan(0.15);
  });
});
