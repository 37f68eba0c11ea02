/** @jest-environment node */
import fc from 'fast-check';
import { withAndWithoutKernel } from '../__tests__/helpers';
import { ksKernel } from '../correlation/wasm/ksKernel';
import type { WindowPair } from './windowPair';
import { sampleBuffer } from './windowSample';

type Module = typeof import('./windowPair');

const process = { lag1: 0.4, lag1Diffs: -0.2 };

/** Every number of the pair, arrays element by element, in one list (Object.is tells ±0 and NaN apart). */
function flat(p: WindowPair): number[] {
  return [p.baseline, p.incident]
    .flatMap((s) => [
      ...s.values,
      -1.5,
      ...s.diffs,
      -2.5,
      s.mean,
      s.variance,
      ...s.range,
      ...s.diffRange,
      s.nEff,
      s.nEffDiffs,
      s.lag1,
    ])
    .concat([p.dLevels, p.dDiffs]);
}

describe('windowPair', () => {
  const { kernel, js } = withAndWithoutKernel<Module>(
    () => require('./windowPair'),
    require.resolve('../correlation/wasm/ksKernel'),
    { ksKernel: () => null }
  );

  it('has the KS kernel here, so the comparisons below run it', () => {
    expect(ksKernel()).not.toBeNull();
  });

  it('gives the very numbers of the JavaScript walk and search: zeros of both signs, ties, gaps, infinities', () => {
    const value = fc.oneof(
      { weight: 6, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
      { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, -1) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, 1e308, -1e308) }
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.array(value, { maxLength: 60 }), (a, b) => {
        const x = Float64Array.from([...a, ...b]);
        const spans = [
          { lo: 0, hi: a.length },
          { lo: a.length, hi: a.length + b.length },
        ] as const;
        const run = (m: Module) =>
          flat(m.windowPair(x, spans[0], spans[1], process, sampleBuffer(a.length), sampleBuffer(b.length)));
        const want = run(js);
        const got = run(kernel);
        expect(got.length).toBe(want.length);
        got.forEach((v, k) => expect([k, v]).toEqual([k, want[k]]));
        got.forEach((v, k) => expect(Object.is(v, want[k])).toBe(true));
      }),
      { numRuns: 600 }
    );
  });

  it('gives a zero extreme the sign Math.min and Math.max give it (-0 for the smallest, +0 for the largest)', () => {
    const windows = [
      [0, -0, 2, 1, 0, 5, -0, 3, 4],
      [-0, 1, 2, 3, 0, 4, 5, 6],
      [-5, -0, -3, 0, -1, -2, -0, -4, -6],
      [-0, -0, -0, -0, -0, -0, -0, -0],
      [0, 0, 0, 0, -0, 0, 0, 0, 0],
      [3, 3, 3, 3, 3, 3, -0, 0, 1],
    ];
    for (const a of windows) {
      for (const b of windows) {
        const x = Float64Array.from([...a, ...b]);
        const run = (m: Module) =>
          flat(
            m.windowPair(
              x,
              { lo: 0, hi: a.length },
              { lo: a.length, hi: a.length + b.length },
              process,
              sampleBuffer(a.length),
              sampleBuffer(b.length)
            )
          );
        const want = run(js);
        run(kernel).forEach((v, k) => expect([k, Object.is(v, want[k])]).toEqual([k, true]));
      }
    }
  });

  it('runs the kernel on windows without gaps, the length of a compare (odd and even)', () => {
    let seed = 3;
    const noise = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    for (const [nb, ni] of [
      [1440, 1440],
      [1441, 1439],
      [2, 3],
    ]) {
      let level = 0;
      const x = Float64Array.from({ length: nb + ni }, (_, t) => (level = 0.8 * level + noise()) + (t >= nb ? 0.3 : 0));
      const run = (m: Module) =>
        flat(m.windowPair(x, { lo: 0, hi: nb }, { lo: nb, hi: nb + ni }, process, sampleBuffer(nb), sampleBuffer(ni)));
      const want = run(js);
      run(kernel).forEach((v, k) => expect(Object.is(v, want[k])).toBe(true));
    }
  });
});
