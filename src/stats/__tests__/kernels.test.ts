/** @jest-environment node */
import fc from 'fast-check';
import { analyze } from '../analyze';
import { kendallTau } from '../correlation/kendallTau';
import { pearsonMatrix } from '../correlation/pearsonMatrix';
import { pearsonPair } from '../correlation/pearsonPair';
import { denseRanks } from '../rank/denseRanks';
import { pairStats } from '../pairStats';

/** O(n^2) tau-b by definition, the reference for Knight's algorithm. */
function tauBruteForce(x: number[], y: number[]): number {
  let s = 0;
  let tx = 0;
  let ty = 0;
  let n0 = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      s += a * b;
      n0++;
      tx += a === 0 ? 1 : 0;
      ty += b === 0 ? 1 : 0;
    }
  }
  return s / Math.sqrt((n0 - tx) * (n0 - ty));
}

it("Knight's O(n log n) tau-b equals the O(n^2) definition", () => {
  const v = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 60 });
  fc.assert(
    fc.property(fc.tuple(v, v), ([x, y]) => {
      const n = Math.min(x.length, y.length);
      const xs = x.slice(0, n);
      const ys = y.slice(0, n);
      const rx = denseRanks(xs);
      const ry = denseRanks(ys);
      const got = kendallTau(rx.ranks, ry.ranks, ry.unique, rx.unique).tau;
      const want = tauBruteForce(xs, ys);
      if (Number.isFinite(want)) {
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12);
      } else {
        expect(got).toBeNaN();
      }
    }),
    { seed: 7, numRuns: 300 }
  );
});

it('Gram fast path equals the pairwise two-pass formula (1e-12)', () => {
  const N = 11;
  const T = 257;
  let s = 12345;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const series = Array.from({ length: N }, (_, i) =>
    Float64Array.from({ length: T }, (_, t) => rand() + (i % 3) * Math.sin(t / 9))
  );
  const m = pearsonMatrix(series, 3);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      expect(Math.abs(m.r[i * N + j] - (i === j ? 1 : pearsonPair(series[i], series[j], 3).r))).toBeLessThanOrEqual(
        1e-12
      );
    }
  }
});

it('pairStats reads one cell with the best lag in the asked direction', () => {
  const a = Array.from({ length: 200 }, (_, i) => Math.sin(i / 3) + Math.sin(i / 17));
  const b = a.map((_, i) => a[Math.max(0, i - 5)]);
  const res = analyze({
    version: 1,
    series: [
      { id: 'a', values: a },
      { id: 'b', values: b },
    ],
    lags: { maxLag: 10 },
  });
  expect(pairStats(res, 'a', 'b')!.bestLag).toBe(5);
  expect(pairStats(res, 'b', 'a')!.bestLag).toBe(-5);
  expect(res.lags!.bestLagMatrix).toEqual(Float64Array.from([NaN, 5, -5, NaN]));
  const ps = pairStats(res, 'a', 'b')!;
  expect(ps.ciLow!).toBeLessThan(ps.r!);
  expect(ps.ciHigh!).toBeGreaterThan(ps.r!);
  expect(ps.nEff!).toBeLessThan(ps.n);
});
