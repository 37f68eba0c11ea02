/** @jest-environment node */
import {
  rollingDrift,
  DriftGrid,
  DriftInput,
  psiFromCounts,
  ksFromSamples,
  wassersteinFromSamples,
  klDivergence,
} from './index';
import { DriftMethod } from './thresholds';

const STEP = 60_000;
const grid: DriftGrid = { start: 0, stepMs: STEP, length: 40 };

/** Cumulative histogram counters: per step, bucket increments `inc(t)` (per-bucket, non-cumulative). */
function histogram(inc: (t: number) => number[]): DriftInput {
  const B = inc(0).length;
  const buckets = Array.from({ length: B }, () => new Float64Array(grid.length));
  for (let t = 1; t < grid.length; t++) {
    const d = inc(t);
    let cum = 0;
    for (let b = 0; b < B; b++) {
      cum += d[b];
      buckets[b][t] = buckets[b][t - 1] + cum;
    }
  }
  return { kind: 'histogram', le: ['0.1', '0.5', '1', '+Inf'], buckets };
}
const stable = (t: number) => [10, 20 + (t % 3), 5, 1];
const shifted = (t: number) => (t >= 25 ? [2, 10, 20, 4] : stable(t));
const ALL: DriftMethod[] = [
  'psi',
  'kl',
  'jsDistance',
  'hellinger',
  'totalVariation',
  'ks',
  'wassersteinNormalized',
  'chiSquared',
];

describe('rolling histogram drift', () => {
  it('matches the single-shot score of the same window counts, NaN before enough history', () => {
    const input = histogram(shifted);
    const r = rollingDrift(input, grid, { windowMs: 5 * STEP, baseline: { kind: 'preceding' }, methods: ALL });
    // Window (t-5, t] needs index t-5 >= 0; preceding baseline needs t - 5 - 20 >= 0.
    expect(Number.isNaN(r.scores.psi![24])).toBe(true);
    expect(Number.isNaN(r.scores.psi![26])).toBe(false);
    // Window ending at 30: steps 26..30 all shifted; baseline steps 6..25 (25 shifted).
    const cur = [0, 0, 0, 0];
    const base = [0, 0, 0, 0];
    for (let t = 26; t <= 30; t++) {
      shifted(t).forEach((v, b) => (cur[b] += v));
    }
    for (let t = 6; t <= 25; t++) {
      shifted(t).forEach((v, b) => (base[b] += v));
    }
    expect(r.scores.psi![30]).toBeCloseTo(psiFromCounts(cur, base), 12);
    expect(r.scores.kl![30]).toBeCloseTo(klDivergence(cur, base), 12);
  });
  it('detects the shift: low before, high after', () => {
    const r = rollingDrift(histogram(shifted), grid, {
      windowMs: 5 * STEP,
      baseline: { kind: 'fixed', from: 0, to: 20 * STEP },
      methods: ['psi', 'ks'],
    });
    expect(r.scores.psi![22]).toBeLessThan(0.01);
    expect(r.scores.psi![35]).toBeGreaterThan(0.25);
    expect(r.pValues.ks![35]).toBeLessThan(0.01);
  });
  it('incremental and from-scratch paths agree', () => {
    for (const baseline of [
      { kind: 'preceding' as const, factor: 2 },
      { kind: 'shifted' as const, shift: 10 * STEP },
      { kind: 'fixed' as const, from: 0, to: 15 * STEP },
    ]) {
      const opts = { windowMs: 4 * STEP, baseline, methods: ALL };
      const a = rollingDrift(histogram(shifted), grid, opts);
      const b = rollingDrift(histogram(shifted), grid, { ...opts, incremental: false });
      for (const m of ALL) {
        expect(Array.from(a.scores[m]!)).toEqual(Array.from(b.scores[m]!));
      }
    }
  });
  it('static baseline from JSON with bounds that must match', () => {
    const ok = rollingDrift(histogram(stable), grid, {
      windowMs: 5 * STEP,
      baseline: { kind: 'static', distribution: { le: [0.1, 0.5, 1, '+Inf'], counts: [10, 21, 5, 1] } },
      methods: ['psi'],
    });
    expect(ok.scores.psi![10]).toBeLessThan(0.01);
    const bad = rollingDrift(histogram(stable), grid, {
      windowMs: 5 * STEP,
      baseline: { kind: 'static', distribution: { le: [0.2, 0.5, 1, '+Inf'], counts: [10, 21, 5, 1] } },
      methods: ['psi'],
    });
    expect(bad.warnings.join(' ')).toMatch(/differs/);
    expect(Array.from(bad.scores.psi!).every(Number.isNaN)).toBe(true);
  });
  it('an empty baseline gives NaN and a warning, never 0', () => {
    const r = rollingDrift(
      histogram((t) => (t < 20 ? [0, 0, 0, 0] : stable(t))),
      grid,
      { windowMs: 5 * STEP, baseline: { kind: 'fixed', from: 0, to: 10 * STEP }, methods: ['psi'] }
    );
    expect(r.warnings.join(' ')).toMatch(/baseline has no counts/);
    expect(Array.from(r.scores.psi!).every(Number.isNaN)).toBe(true);
  });
  it('accepts increase() values and categorical counters', () => {
    const inc = Array.from({ length: 3 }, (_, b) =>
      Float64Array.from({ length: grid.length }, (_, t) => (t >= 30 && b === 0 ? 50 : 10))
    );
    const r = rollingDrift(
      { kind: 'categorical', categories: ['a', 'b', 'c'], counters: inc, mode: 'increase' },
      grid,
      {
        windowMs: 5 * STEP,
        baseline: { kind: 'shifted', shift: 10 * STEP },
        methods: ['chiSquared', 'ks'],
      }
    );
    expect(r.warnings.join(' ')).toMatch(/categorical/);
    expect(r.scores.chiSquared![20]).toBe(0);
    expect(r.pValues.chiSquared![35]).toBeLessThan(1e-6);
  });
});

describe('rolling sample drift', () => {
  // Observations every 10 s; the value distribution moves after 20 min.
  const ts: number[] = [];
  const vs: number[] = [];
  for (let k = 0; k < 240; k++) {
    ts.push(k * 10_000 + 1);
    vs.push(((k * 7919) % 101) / 100 + (k >= 120 ? 0.5 : 0));
  }
  const input: DriftInput = { kind: 'samples', timestamps: ts, values: vs };
  const methods: DriftMethod[] = ['psi', 'ks', 'wasserstein', 'wassersteinNormalized', 'hellinger'];

  it('equals the single-shot functions on the same window', () => {
    const r = rollingDrift(input, grid, { windowMs: 5 * STEP, baseline: { kind: 'preceding', factor: 2 }, methods });
    const t = 30 * STEP;
    const inWin = (a: number, b: number) => vs.filter((_, k) => ts[k] > a && ts[k] <= b);
    const cur = inWin(t - 5 * STEP, t);
    const base = inWin(t - 15 * STEP, t - 5 * STEP);
    expect(r.scores.ks![30]).toBeCloseTo(ksFromSamples(cur, base).statistic, 14);
    expect(r.pValues.ks![30]).toBeCloseTo(ksFromSamples(cur, base).pValue, 14);
    expect(r.scores.wasserstein![30]).toBeCloseTo(wassersteinFromSamples(cur, base).distance, 12);
  });
  it('incremental sliding windows equal from-scratch re-sorting', () => {
    for (const baseline of [
      { kind: 'preceding' as const },
      { kind: 'fixed' as const, from: 0, to: 10 * STEP },
      { kind: 'static' as const, distribution: { samples: [0.1, 0.4, 0.5, 0.9] } },
    ]) {
      const opts = { windowMs: 3 * STEP, baseline, methods };
      const a = rollingDrift(input, grid, opts);
      const b = rollingDrift(input, grid, { ...opts, incremental: false });
      for (const m of methods) {
        expect(Array.from(a.scores[m]!)).toEqual(Array.from(b.scores[m]!));
      }
    }
  });
});
