/** @jest-environment node */
import fc from 'fast-check';
import { directCrossSum } from './directCrossSum';
import { FftCrossSum } from './fftCrossSum';

/** |S_fft(k) - S_direct(k)| relative to the Cauchy-Schwarz bound sqrt(sum a^2 sum b^2) of every S(k). */
function worstRelativeDiff(
  a: Float64Array,
  b: Float64Array,
  maxLag: number,
  fft = new FftCrossSum(a.length, maxLag)
): number {
  const fast = fft.crossSums(a, b);
  const direct = directCrossSum(a, b, maxLag);
  const bound = Math.sqrt(a.reduce((s, v) => s + v * v, 0) * b.reduce((s, v) => s + v * v, 0)) || 1;
  let worst = 0;
  for (let i = 0; i < direct.length; i++) {
    worst = Math.max(worst, Math.abs(fast[i] - direct[i]) / bound);
  }
  return worst;
}

/** Two series of one length T <= maxLength and a maxLag < T, at most maxLagCap. */
function seriesPair(maxLength: number, maxLagCap: number) {
  const values = (T: number) =>
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: T, maxLength: T });
  return fc
    .integer({ min: 1, max: maxLength })
    .chain((T) => fc.tuple(values(T), values(T), fc.integer({ min: 0, max: Math.min(T - 1, maxLagCap) })));
}

it('half-spectrum FFT cross sums equal the direct sums to 1e-12 (any T, any maxLag < T)', () => {
  fc.assert(
    fc.property(seriesPair(300, Infinity), ([a, b, L]) => {
      expect(worstRelativeDiff(Float64Array.from(a), Float64Array.from(b), L)).toBeLessThanOrEqual(1e-12);
    }),
    { seed: 5, numRuns: 300 }
  );
});

it('equals the direct sums on long series at the padding boundaries', () => {
  let s = 3;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
  for (const [T, L] of [
    [10080, 60],
    [10080, 360],
    [1024, 0],
    [1000, 24],
    [1025, 1023],
  ]) {
    const a = Float64Array.from({ length: T }, u);
    const b = Float64Array.from({ length: T }, (_, t) => 0.5 * a[(t + 7) % T] + u());
    expect(worstRelativeDiff(a, b, L)).toBeLessThanOrEqual(1e-12);
    expect(worstRelativeDiff(a, b, L, new FftCrossSum(T, L, 1e6))).toBeLessThanOrEqual(1e-12);
  }
});

it('cut into blocks, the sums equal the direct sums to 1e-12 (any T, any maxLag < T)', () => {
  let blocked = 0;
  fc.assert(
    fc.property(seriesPair(400, 40), ([a, b, L]) => {
      // Spectra reused by many pairs: the plan with the cheapest pair, blocks wherever they pay.
      const fft = new FftCrossSum(a.length, L, 1e6);
      blocked += fft.blocks > 1 ? 1 : 0;
      expect(worstRelativeDiff(Float64Array.from(a), Float64Array.from(b), L, fft)).toBeLessThanOrEqual(1e-12);
    }),
    { seed: 7, numRuns: 300 }
  );
  expect(blocked).toBeGreaterThan(100);
});
