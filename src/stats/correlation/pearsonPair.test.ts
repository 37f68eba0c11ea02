/** @jest-environment node */
import fc from 'fast-check';
import { completeCrossSums, completeSeries, completeSeriesOf, pearsonComplete, pearsonPair } from './pearsonPair';

// A complete series: finite doubles times 2^scale (squares that overflow or underflow too), or a constant.
const series = (len: number) =>
  fc.tuple(
    fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: len, maxLength: len }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean()
  );

describe('pearsonComplete', () => {
  it('is the same double as pearsonPair on two complete series (constant, short and extreme scales too)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 40 })
          .chain((len) => fc.tuple(series(len), series(len), fc.integer({ min: 2, max: 8 }))),
        ([[xa, ka, ca], [ya, kb, cb], minOverlap]) => {
          const x = Float64Array.from(xa, (v) => (ca ? 0.5 : v) * 2 ** ka);
          const y = Float64Array.from(ya, (v) => (cb ? -3 : v) * 2 ** kb);
          expect(pearsonComplete(completeSeries(x)!, completeSeries(y)!, minOverlap)).toEqual(
            pearsonPair(x, y, minOverlap)
          );
        }
      ),
      { numRuns: 500 }
    );
  });

  it('leaves a series with a missing value to pearsonPair', () => {
    expect(completeSeries(Float64Array.of(1, NaN, 3))).toBeNull();
    expect(completeSeries(Float64Array.of(1, Infinity, 3))).toBeNull();
  });

  it('takes series of different lengths through pearsonPair', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5);
    const y = Float64Array.of(2, 1, 4, 3);
    expect(pearsonComplete(completeSeries(x)!, completeSeries(y)!, 2)).toEqual(pearsonPair(x, y, 2));
  });
});

describe('completeCrossSums', () => {
  it('gives each pair the cross sum pearsonComplete takes itself: the very same r, for 1 to 9 partners', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }).chain((n) =>
          fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), {
            minLength: 2,
            maxLength: 10,
          })
        ),
        (rows) => {
          const [a, ...others] = rows.map((r) => completeSeries(Float64Array.from(r))!);
          const sums = completeCrossSums(a, others, new Float64Array(others.length));
          others.forEach((b, k) => {
            const own = pearsonComplete(a, b, 2);
            const given = pearsonComplete(a, b, 2, sums[k]);
            expect(Object.is(given.r, own.r)).toBe(true);
            expect(given.reason).toBe(own.reason);
          });
        }
      ),
      { numRuns: 300, seed: 5 }
    );
  });
});

describe('completeSeriesOf', () => {
  it('prepares each series as completeSeries does, four at a time or one by one', () => {
    const value = fc.oneof(
      { weight: 12, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, 2, 1.7e308) }
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) => fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: 0, maxLength: 11 })),
        fc.boolean(),
        (rows, flat) => {
          // Constant rows now and then (a constant series is reported as such).
          const xs = rows.map((r, i) => Float64Array.from(flat && i % 3 === 0 ? r.map(() => r[0]) : r));
          const got = completeSeriesOf(xs);
          expect(got.length).toBe(xs.length);
          got.forEach((c, i) => expect(c).toEqual(completeSeries(xs[i])));
        }
      ),
      { numRuns: 400, seed: 9 }
    );
  });
});
