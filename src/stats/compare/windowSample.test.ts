/** @jest-environment node */
import fc from 'fast-check';
import { sampleBuffer, windowSample } from './windowSample';

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
});
