/** @jest-environment node */
import fc from 'fast-check';
import { autocorrelationTime, equivalentLag1 } from '../significance/autocorrelationTime';
import { gridDifferences, nullProcess, sampleBuffer, windowSample } from './windowSample';

const nullProc = { lag1: 0.3, lag1Diffs: -0.1 };

describe('windowSample', () => {
  it('keeps the finite values and the differences of finite neighbours, in one reused buffer too', () => {
    const buffer = sampleBuffer(40);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { maxLength: 40 }),
        fc.nat(5),
        (raw, pad) => {
          const x = Float64Array.from([...Array(pad).fill(1), ...raw, 2]);
          const lo = pad;
          const hi = pad + raw.length;
          const want = raw.filter((v) => Number.isFinite(v));
          const wantDiffs = raw
            .slice(1)
            .flatMap((v, t) => (Number.isFinite(v) && Number.isFinite(raw[t]) ? [v - raw[t]] : []));
          for (const s of [windowSample(x, lo, hi, nullProc), windowSample(x, lo, hi, nullProc, buffer)]) {
            expect(Array.from(s.values)).toEqual(want);
            expect(Array.from(s.diffs)).toEqual(wantDiffs);
            expect(s.mean).toBe(want.length > 0 ? want.reduce((a, b) => a + b, 0) / want.length : NaN);
          }
        }
      ),
      { numRuns: 400 }
    );
  });

  it("reads the null process around the least-squares line, the per-point sums' doubles with or without gaps", () => {
    // The line as the definition has it: sums over the finite points, one point after another.
    const line = (x: Float64Array): Float64Array => {
      const t = Array.from(x.keys()).filter((i) => Number.isFinite(x[i]));
      const mt = t.reduce((s, i) => s + i, 0) / t.length;
      const mx = t.reduce((s, i) => s + x[i], 0) / t.length;
      const stt = t.reduce((s, i) => s + (i - mt) * (i - mt), 0);
      const slope = stt > 0 ? t.reduce((s, i) => s + (i - mt) * (x[i] - mx), 0) / stt : 0;
      return x.map((v, i) => v - mx - slope * (i - mt));
    };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), {
          minLength: 9,
          maxLength: 300,
        }),
        fc.boolean(),
        (raw, gaps) => {
          const x = Float64Array.from(gaps ? raw : raw.map((v) => (Number.isFinite(v) ? v : 0.5)));
          const want = line(x);
          const got = nullProcess(x, 0, x.length);
          expect(Object.is(got.lag1, equivalentLag1(autocorrelationTime(want)))).toBe(true);
          expect(Object.is(got.lag1Diffs, equivalentLag1(autocorrelationTime(gridDifferences(want))))).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });
});
