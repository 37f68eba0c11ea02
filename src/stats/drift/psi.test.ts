/** @jest-environment node */
import fc from 'fast-check';
import { binSortedSamples, psiFromCounts, psiFromSamples, quantileEdges } from './psi';

/** The reference: both samples sorted in full, edges from the sorted baseline, counts by walking the order. */
function psiBySorting(current: number[], baseline: number[], bins: number): number {
  const sorted = (x: number[]) => Float64Array.from(x.filter((v) => !Number.isNaN(v))).sort();
  const b = sorted(baseline);
  const edges = quantileEdges(b, bins);
  return psiFromCounts(binSortedSamples(sorted(current), edges), binSortedSamples(b, edges));
}

/** Samples with heavy ties, both zeros, infinities and missing values. */
const value = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity)
);
const sample = fc.array(value, { minLength: 1, maxLength: 400 }).filter((x) => x.some((v) => !Number.isNaN(v)));

it('sample PSI (baseline by partial order or sort, current binned by search) equals the full-sort path exactly', () => {
  fc.assert(
    fc.property(sample, sample, fc.integer({ min: 2, max: 20 }), (cur, base, bins) => {
      expect(psiFromSamples(cur, base, { bins })).toBe(psiBySorting(cur, base, bins));
    }),
    { seed: 4, numRuns: 500 }
  );
});

it('sample PSI equals the full-sort path on long samples of rounded values', () => {
  let s = 11;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (const n of [33, 1000, 10080, 50000]) {
    const base = Array.from({ length: n }, () => Math.round(u() * u() * 500) / 10);
    const cur = Array.from({ length: n + 7 }, () => Math.round((u() * u() + 0.1) * 500) / 10);
    expect(psiFromSamples(cur, base)).toBe(psiBySorting(cur, base, 10));
  }
});
