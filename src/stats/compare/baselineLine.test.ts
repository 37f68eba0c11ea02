import fc from 'fast-check';
import { lineOf, linesOf } from './baselineLine';

describe('linesOf', () => {
  it('fits every window as lineOf does, four at a time or one by one (gaps, infinities, any count)', () => {
    const value = fc.oneof(
      { weight: 15, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1.7e308) }
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 40 })
          .chain((len) =>
            fc.tuple(
              fc.array(fc.array(value, { minLength: len + 4, maxLength: len + 4 }), { maxLength: 10 }),
              fc.integer({ min: 0, max: 4 })
            )
          ),
        ([rows, lo]) => {
          const series = rows.map((r) => Float64Array.from(r));
          const hi = rows.length > 0 ? rows[0].length - (4 - lo) : lo;
          const lines = linesOf(series, lo, hi);
          expect(lines.length).toBe(series.length);
          lines.forEach((line, i) => expect(line).toEqual(lineOf(series[i].subarray(lo, hi))));
        }
      ),
      { numRuns: 400, seed: 13 }
    );
  });

  it('is the least-squares line: a straight line is fitted exactly, missing points skipped', () => {
    const x = Float64Array.from({ length: 9 }, (_, t) => 3 + 0.5 * t);
    expect(lineOf(x)).toEqual({ meanT: 4, mean: 5, slope: 0.5 });
    x[2] = NaN;
    const line = lineOf(x);
    expect(line.slope).toBeCloseTo(0.5, 14);
    expect(line.mean - line.slope * line.meanT).toBeCloseTo(3, 13);
  });
});
