/** @jest-environment node */
import fc from 'fast-check';

import {
  decumulate,
  ksFromCounts,
  ksFromSamples,
  parseLe,
  prepareCounters,
  psiFromCounts,
  wassersteinFromBuckets,
  wassersteinFromSamples,
  windowCounts,
} from './index';
import { windowCountsFromScratch } from './histogram';
import { binSortedSamples, quantileEdges, psiFromSamples } from './psi';

/** Deterministic LCG + Box-Muller so these tests do not depend on Math.random. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}
function normals(n: number, mu: number, sigma: number, seed: number): Float64Array {
  const u = rng(seed);
  return Float64Array.from(
    { length: n },
    () => mu + sigma * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u())
  );
}

describe('parseLe', () => {
  it('accepts Prometheus labels and rejects unsorted bounds', () => {
    expect(Array.from(parseLe(['0.1', '1', '+Inf']))).toEqual([0.1, 1, Infinity]);
    expect(() => parseLe([1, 0.5])).toThrow(/ascending/);
  });
});

describe('cumulative counters', () => {
  // Two buckets le=1, le=+Inf over 6 scrapes; the process restarts at t=3.
  const le1 = [0, 10, 20, 5, 15, 25];
  const inf = [0, 20, 40, 8, 28, 48];
  it('handles counter resets like increase()', () => {
    const prep = prepareCounters([le1, inf], 'cumulative', true);
    const out = new Float64Array(2);
    expect(windowCounts(prep, 0, 5, out, new Float64Array(2), { clamps: 0 })).toBe(true);
    // le1 increase: 10 + 10 + 5 (reset: new value counts) + 10 + 10 = 45; +Inf: 20+20+8+20+20 = 88.
    expect(Array.from(out)).toEqual([45, 88 - 45]);
    expect(prep.warnings.join(' ')).toMatch(/2 counter reset/);
  });
  it('repairs non-monotone cumulative buckets (scrape skew) with a warning', () => {
    const prep = prepareCounters(
      [
        [0, 12],
        [0, 10],
      ],
      'cumulative',
      true
    );
    expect(prep.values[1][1]).toBe(12);
    expect(prep.warnings[0]).toMatch(/non-monotone/);
  });
  it('carries the last value over missing scrapes', () => {
    const prep = prepareCounters([[0, 5, NaN, 9]], 'cumulative', false);
    expect(Array.from(prep.values[0])).toEqual([0, 5, 5, 9]);
  });
  it('prefix differences equal re-walking the window, on random counters with resets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 30, maxLength: 30 }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.array(fc.integer({ min: 1, max: 29 }), { maxLength: 3 }),
        (incs, resetAt) => {
          // Build clean cumulative counters (monotone across buckets) with resets at the same times.
          const T = 30;
          const buckets = [0, 1, 2].map(() => new Float64Array(T));
          for (let t = 1; t < T; t++) {
            let cum = 0;
            for (let b = 0; b < 3; b++) {
              cum += incs[b][t];
              buckets[b][t] = (resetAt.includes(t) ? 0 : buckets[b][t - 1]) + cum;
            }
          }
          const prep = prepareCounters(buckets, 'cumulative', true);
          const a = new Float64Array(3);
          const b = new Float64Array(3);
          for (const [from, to] of [
            [0, 29],
            [3, 17],
            [10, 11],
          ]) {
            windowCounts(prep, from, to, a, new Float64Array(3), { clamps: 0 });
            windowCountsFromScratch(
              { le: [1, 2, Infinity], buckets, mode: 'cumulative' },
              from,
              to,
              b,
              new Float64Array(3),
              { clamps: 0 }
            );
            expect(Array.from(a)).toEqual(Array.from(b));
          }
        }
      ),
      { seed: 7, numRuns: 200 }
    );
  });
  it('decumulate clamps negative differences', () => {
    const out = new Float64Array(3);
    expect(decumulate([5, 4, 9], out)).toBe(1);
    expect(Array.from(out)).toEqual([5, 0, 4]);
  });
});

describe('histogram scores agree with sample scores when buckets are fine', () => {
  const cur = normals(20000, 0.3, 1.1, 1);
  const base = normals(20000, 0, 1, 2);
  const width = 0.02;
  const bounds = Array.from({ length: 600 }, (_, i) => -6 + (i + 1) * width);
  const le = Float64Array.from([...bounds, Infinity]);
  const sortedCur = Float64Array.from(cur).sort();
  const sortedBase = Float64Array.from(base).sort();
  // All samples lie within (-6, 6), so the first bucket's lower bound is -6.
  const cc = binSortedSamples(sortedCur, bounds);
  const cb = binSortedSamples(sortedBase, bounds);

  it('Wasserstein-1: within one bucket width/2 (stated tolerance), normalised within 2 %', () => {
    const h = wassersteinFromBuckets(le, cc, cb, { firstLowerBound: -6 });
    const s = wassersteinFromSamples(cur, base);
    expect(Math.abs(h.distance - s.distance)).toBeLessThanOrEqual(width / 2);
    expect(Math.abs(h.normalized - s.normalized)).toBeLessThanOrEqual(0.02 * s.normalized);
  });
  it('KS: bucket D is a lower bound of the sample D, within the largest bucket share', () => {
    const h = ksFromCounts(cc, cb);
    const s = ksFromSamples(cur, base);
    expect(h.statistic).toBeLessThanOrEqual(s.statistic + 1e-12);
    const maxShare = Math.max(
      ...Array.from(cc).map((c) => c / cur.length),
      ...Array.from(cb).map((c) => c / base.length)
    );
    expect(s.statistic - h.statistic).toBeLessThanOrEqual(maxShare);
  });
  it('PSI: buckets cut at the baseline deciles reproduce sample PSI exactly (same bins)', () => {
    const edges = quantileEdges(sortedBase, 10);
    const psiH = psiFromCounts(binSortedSamples(sortedCur, edges), binSortedSamples(sortedBase, edges));
    expect(psiH).toBe(psiFromSamples(cur, base));
  });
});
