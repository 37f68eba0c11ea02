/** @jest-environment node */
import fc from 'fast-check';
import { analyze } from '../analyze';
import { reasonAt } from '../contract/cells';
import type { AnalyzeResult, CorrelationMethod } from '../contract';

const SEED = 424242;
const methods: CorrelationMethod[] = ['pearson', 'spearman', 'kendall'];

/** Matrices of 2..5 series x 5..40 points with small integers (ties included) or floats on a 1e-3 grid. */
const seriesSet = fc
  .record({ n: fc.integer({ min: 2, max: 5 }), t: fc.integer({ min: 5, max: 40 }) })
  .chain(({ n, t }) =>
    fc.array(
      fc.array(
        fc.oneof(
          fc.integer({ min: -5, max: 5 }),
          fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((v) => Math.round(v * 1000) / 1000)
        ),
        { minLength: t, maxLength: t }
      ),
      {
        minLength: n,
        maxLength: n,
      }
    )
  );

function run(data: number[][], method: CorrelationMethod): AnalyzeResult {
  return analyze({ version: 1, series: data.map((values, i) => ({ id: `s${i}`, values })), correlation: { method } });
}

describe.each(methods)('properties of the %s matrix', (method) => {
  it('r in [-1, 1], symmetric, unit diagonal for usable series', () => {
    fc.assert(
      fc.property(seriesSet, (data) => {
        const c = run(data, method).correlation!;
        const N = data.length;
        for (let i = 0; i < N; i++) {
          for (let j = 0; j < N; j++) {
            const v = c.r[i * N + j];
            expect(v).toBe(c.r[j * N + i]);
            if (Number.isNaN(v)) {
              expect(reasonAt(c.reason, i * N + j)).not.toBeNull();
            } else {
              expect(Math.abs(v)).toBeLessThanOrEqual(1);
            }
          }
          if (reasonAt(c.reason, i * N + i) === null) {
            expect(c.r[i * N + i]).toBe(1);
          }
        }
      }),
      { seed: SEED, numRuns: 150 }
    );
  });

  it('permuting the series permutes the matrix', () => {
    fc.assert(
      fc.property(
        seriesSet.chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.shuffledSubarray(
              d.map((_, i) => i),
              { minLength: d.length, maxLength: d.length }
            )
          )
        ),
        ([data, perm]) => {
          const a = run(data, method).correlation!;
          const b = run(
            perm.map((k) => data[k]),
            method
          ).correlation!;
          const N = data.length;
          for (let i = 0; i < N; i++) {
            for (let j = 0; j < N; j++) {
              const x = b.r[i * N + j];
              const y = a.r[perm[i] * N + perm[j]];
              if (x === null || y === null) {
                expect(x).toBe(y);
              } else {
                expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12);
              }
            }
          }
        }
      ),
      { seed: SEED, numRuns: 100 }
    );
  });
});

it('Pearson is invariant under positive affine maps', () => {
  fc.assert(
    fc.property(
      seriesSet,
      fc.double({ min: 0.01, max: 100, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      (data, a, b) => {
        const r1 = run(data, 'pearson').correlation!.r;
        const mapped = data.map((s, i) => (i === 0 ? s.map((v) => a * v + b) : s));
        const r2 = run(mapped, 'pearson').correlation!.r;
        r1.forEach((v, k) => {
          if (v !== null && r2[k] !== null) {
            expect(Math.abs(v - (r2[k] as number))).toBeLessThanOrEqual(1e-9);
          }
        });
      }
    ),
    { seed: SEED, numRuns: 100 }
  );
});

it.each(['spearman', 'kendall'] as const)('%s is invariant under strictly increasing maps', (method) => {
  fc.assert(
    fc.property(seriesSet, (data) => {
      const r1 = run(data, method).correlation!.r;
      const mapped = data.map((s, i) => (i === 0 ? s.map((v) => v * v * v + v) : s));
      const r2 = run(mapped, method).correlation!.r;
      r1.forEach((v, k) => {
        if (v === null) {
          expect(r2[k]).toBeNull();
        } else {
          expect(Math.abs(v - (r2[k] as number))).toBeLessThanOrEqual(1e-12);
        }
      });
    }),
    { seed: SEED, numRuns: 100 }
  );
});

it('the lag of a shifted copy is found exactly (positive lag: A leads B)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.integer({ min: -20, max: 20 }),
      fc.constantFrom<'direct' | 'fft'>('direct', 'fft'),
      (seed, shift, algorithm) => {
        let s = seed;
        const T = 300;
        const base = Array.from({ length: T + 40 }, () => {
          s = (s * 16807) % 2147483647;
          return s / 2147483647 - 0.5;
        });
        // B[t] = A[t - shift]  =>  A leads B by `shift` steps
        const A = base.slice(20, 20 + T);
        const B = base.slice(20 - shift, 20 - shift + T);
        const res = analyze({
          version: 1,
          series: [
            { id: 'A', values: A },
            { id: 'B', values: B },
          ],
          lags: { maxLag: 25, pairs: [['A', 'B']], algorithm },
          correlation: { enabled: false },
        });
        expect(res.lags!.pairs[0].bestLag).toBe(shift);
      }
    ),
    { seed: SEED, numRuns: 60 }
  );
});
