/** @jest-environment node */
import { analyze } from '../analyze';
import type { AnalyzeRequest } from '../contract';
import { ar1, normal, rng } from '../__tests__/helpers';
import { correlationChange, pairChange, pairNEff, windowCorrelation } from './correlationChange';

const STEP = 60_000;

/** Six AR(1) series, one with a gap, one constant in the incident, in two windows of 120 points. */
function windows() {
  const z = normal(rng(11));
  const series = Array.from({ length: 6 }, (_, i) => Float64Array.from(ar1(0.2 * i, 240, z)));
  series[2].fill(NaN, 20, 40);
  series[4].fill(1.5, 120);
  const slice = (lo: number) => series.map((x) => x.subarray(lo, lo + 120));
  const lag1 = (xs: Float64Array[]) => xs.map((_, i) => 0.1 * i);
  const b = windowCorrelation(slice(0), lag1(slice(0)), 3);
  const i = windowCorrelation(slice(120), lag1(slice(120)), 3);
  return { series, b, i };
}

describe('pairChange', () => {
  it("holds the values of correlationChange's matrices, in both cells of each pair", () => {
    const { b, i } = windows();
    const N = 6;
    const m = correlationChange(b, i, N, 'fdr_bh');
    expect(m.p.filter(Number.isFinite).length).toBeGreaterThan(10);
    for (let x = 0; x < N; x++) {
      for (let y = 0; y < N; y++) {
        if (x !== y) {
          const c = pairChange(b, i, x, y);
          expect(c.deltaR).toBe(m.deltaR[x * N + y]);
          expect(c.p).toBe(m.p[x * N + y]);
          expect(pairNEff(i, x, y)).toBe(pairNEff(i, y, x));
        }
      }
    }
    // The constant series has no r in the incident, so no change test either.
    expect(pairChange(b, i, 4, 0).p).toBeNaN();
  });

  it('gives the links and verdicts whether the matrices are asked for or not', () => {
    const { series } = windows();
    const request = (includeMatrices: boolean): AnalyzeRequest => ({
      version: 1,
      series: series.map((values, k) => ({ id: `s${k}`, values })),
      grid: { start: 0, stepMs: STEP },
      correlation: { enabled: false },
      compare: {
        incident: { from: 119 * STEP, to: 239 * STEP },
        targets: ['s0', 's1'],
        controls: ['s5'],
        includeMatrices,
      },
    });
    const full = analyze(request(true)).compare!;
    const lean = analyze(request(false)).compare!;
    expect(lean.deltaR).toBeUndefined();
    expect(full.links.s0.filter((l) => l.pDelta !== null && l.partialR !== undefined).length).toBeGreaterThan(2);
    expect(lean.links).toEqual(full.links);
    expect(lean.verdicts).toEqual(full.verdicts);
  });
});
