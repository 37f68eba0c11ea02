/** @jest-environment node */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { gramMatrixOf } from '../correlation/gramMatrix';
import { WasmGram } from '../correlation/gramMatrixWasm';
import { rowsOf } from '../correlation/gramRequest';
import { compileGramKernel, gramKernel } from '../correlation/wasm/gramKernel';
import { decodeBase64 } from '../correlation/wasm/kernelModule';
import { GRAM_KERNEL_BASE64 } from '../correlation/wasm/gramKernelBytes';
import { laggedSums, laggedSumsJs, lagSumsOf, WASM_MIN_PRODUCTS } from './directCrossSum';
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
});
