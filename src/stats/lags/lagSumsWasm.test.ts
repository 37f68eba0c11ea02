/** @jest-environment node */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { gramMatrixOf } from '../correlation/gramMatrix';
import { WasmGram } from '../correlation/gramMatrixWasm';
import { rowsOf } from '../correlation/gramRequest';
import { compileGramKernel, gramKernel } from '../correlation/wasm/gramKernel';
import { decodeBase64 } from '../correlation/wasm/kernelModule';
import { GRAM_KERNEL_BASE64 } from '../correlation/wasm/gramKernelBytes';
import { crossSumSet, directCrossSum, laggedSums, laggedSumsJs, lagSumsOf, WASM_MIN_PRODUCTS } from './directCrossSum';
import { WasmLagSums } from './lagSumsWasm';
import { lagCases, lagSumsMismatches, type LagCase } from './__tests__/lagSumsAgreement';

const ROOT = path.resolve(__dirname, '../../..');
const CHILD = path.join(__dirname, '__tests__/relaxedLagSumsChild.ts');

const series = (len: number, f: (t: number) => number) => Float64Array.from({ length: len }, (_, t) => f(t));

describe('lag sums in the WebAssembly kernel', () => {
  it('are the JavaScript sums bit for bit (random lengths, negative lags, lags past the length)', () => {
    const simd = compileGramKernel(decodeBase64(GRAM_KERNEL_BASE64), 'simd');
    expect(simd.exports).not.toBeNull();
    const cases = lagCases(400, 7);
    expect(cases.some((c) => c.first < -c.len && c.last > c.len)).toBe(true);
    expect(lagSumsMismatches(simd.exports!, cases)).toEqual([]);
  });

  it('are the same bits in the relaxed-SIMD build (a child Node with relaxed SIMD)', () => {
    const run = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '-r', 'tsx/cjs', CHILD], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      throw new Error(`child failed: ${run.stderr}`);
    }
    const report = JSON.parse(run.stdout) as { kernel: string; cases: number; mismatches: LagCase[] };
    expect(report).toEqual({ kernel: 'relaxed-simd', cases: 300, mismatches: [] });
  }, 60_000);

  it('are chosen where the work pays for the copies, and give what JavaScript gives', () => {
    const x = series(1440, (t) => Math.sin(t / 7) + 0.1 * Math.cos(t * 1.3));
    const y = series(1440, (t) => Math.cos(t / 11));
    expect(lagSumsOf(x, y, 8).wasm).toBe(gramKernel().exports !== null);
    expect(lagSumsOf(x.subarray(0, 16), y.subarray(0, 16), 8).wasm).toBe(false);
    expect(lagSumsOf(x.subarray(0, WASM_MIN_PRODUCTS / 8), y.subarray(0, WASM_MIN_PRODUCTS / 8), 8).wasm).toBe(true);
    // Series of different lengths stay in JavaScript, whose semantics (rows of a) the kernel does not copy.
    expect(lagSumsOf(x, y.subarray(1), 8).wasm).toBe(false);
    expect(laggedSums(x, y, -10, 10)).toEqual(laggedSumsJs(x, y, -10, 10, new Float64Array(21)));
    expect(laggedSums(x, y, 5, 4)).toEqual(new Float64Array(0));
  });

  it('share the kernel with Gram products: neither changes what the other computes', () => {
    const kernel = gramKernel().exports!;
    const rows = 9;
    const len = 700;
    const data = series(rows * len, (t) => Math.sin(t * 0.37) + ((t * 7919) % 13) / 13);
    const gram = () => {
      const out = new Float64Array(rows * rows);
      gramMatrixOf({ rows, len, writeRow: rowsOf(data, len), out });
      return out;
    };
    const x = data.subarray(0, len);
    const y = data.subarray(len, 2 * len);
    const want = laggedSumsJs(x, y, -40, 40, new Float64Array(81));
    const before = gram();
    expect(laggedSums(x, y, -40, 40)).toEqual(want);
    expect(gram()).toEqual(before);
    expect(laggedSums(x, y, -40, 40)).toEqual(want);
    // A product that grows the memory replaces its buffer: lag sums after it still read the right one.
    const pages = kernel.memory.buffer.byteLength / 65536;
    expect(WasmGram.open(kernel, 64, 20_000)).not.toBeNull();
    expect(kernel.memory.buffer.byteLength / 65536).toBeGreaterThan(pages);
    expect(laggedSums(x, y, -40, 40)).toEqual(want);
    // And lag sums that need more memory than any product so far grow it.
    const long = series(600_000, (t) => Math.sin(t / 100));
    expect(laggedSums(long, long, 0, 3)).toEqual(laggedSumsJs(long, long, 0, 3, new Float64Array(4)));
  });

  it('refuse more lags per call than the room they were loaded with', () => {
    const x = series(100, (t) => t);
    const loaded = WasmLagSums.load(gramKernel().exports!, x, x, 4)!;
    expect(() => loaded.sums(0, 4, new Float64Array(5))).toThrow(RangeError);
    expect(Array.from(loaded.sums(0, 3, new Float64Array(4)))).toEqual(
      Array.from(laggedSumsJs(x, x, 0, 3, new Float64Array(4)))
    );
  });

  it('keep a set of series for many pairs: the same doubles, even after other work wrote over the memory', () => {
    const kernel = gramKernel().exports!;
    const len = 1440;
    const set = Array.from({ length: 5 }, (_, i) =>
      series(len, (t) => Math.sin(t / (3 + i)) + ((t * (i + 7)) % 11) / 11)
    );
    const sums = crossSumSet(set, 10)!;
    expect(sums).not.toBeNull();
    const pairs = set.flatMap((a) => set.map((b) => [a, b] as const));
    const check = () =>
      pairs.forEach(([a, b]) =>
        expect(sums.crossSums(a, b)).toEqual(laggedSumsJs(a, b, -10, 10, new Float64Array(21)))
      );
    check();
    // A pair's own lag sums, and a Gram product that grows the memory, lay it out anew: the set copies again.
    expect(directCrossSum(set[0], set[1], 40)).toEqual(laggedSumsJs(set[0], set[1], -40, 40, new Float64Array(81)));
    check();
    expect(WasmGram.open(kernel, 64, 40_000)).not.toBeNull();
    check();
    // An array outside the set is summed in JavaScript; too little work per pair takes no set at all.
    const other = series(len, (t) => Math.cos(t / 5));
    expect(sums.crossSums(set[2], other)).toEqual(laggedSumsJs(set[2], other, -10, 10, new Float64Array(21)));
    check();
    expect(crossSumSet([series(8, (t) => t), series(8, (t) => -t)], 2)).toBeNull();
  });
});
