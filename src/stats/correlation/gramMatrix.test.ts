/** @jest-environment node */
import fc from 'fast-check';
import type { AnalyzeResult } from '../contract';
import { gramMatrix, WASM_MIN_WORK } from './gramMatrix';
import { gramMatrixJs } from './gramMatrixJs';
import { gramMatrixWasm } from './gramMatrixWasm';
import { compileGramKernel, decodeBase64, gramKernel } from './wasm/gramKernel';
import { GRAM_KERNEL_BASE64 } from './wasm/gramKernelBytes';

/** Rows of seeded noise, centred and scaled to unit norm as pearsonMatrix feeds the kernel. */
function unitRows(rows: number, len: number, seed: number): Float64Array {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const z = new Float64Array(rows * len);
  for (let i = 0; i < rows; i++) {
    const row = z.subarray(i * len, (i + 1) * len);
    for (let t = 0; t < len; t++) {
      row[t] = rand() + (i % 3) * Math.sin(t / 7);
    }
    const mean = row.reduce((a, b) => a + b, 0) / len;
    row.forEach((v, t) => (row[t] = v - mean));
    const norm = Math.sqrt(row.reduce((a, b) => a + b * b, 0)) || 1;
    row.forEach((v, t) => (row[t] = v / norm));
  }
  return z;
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  a.forEach((v, i) => (d = Math.max(d, Math.abs(v - b[i]))));
  return d;
}

const kernel = gramKernel();

it('compiles in Node (the engine of the CLI and of jest has WebAssembly SIMD)', () => {
  expect(kernel.unavailable).toBeNull();
});

it('the WebAssembly kernel equals the JS kernel to 1e-12 over random shapes (rows not a multiple of 4, odd lengths)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 19 }),
      fc.integer({ min: 1, max: 67 }),
      fc.integer({ min: 1, max: 2 ** 30 }),
      (rows, len, seed) => {
        const z = unitRows(rows, len, seed);
        const js = new Float64Array(rows * rows);
        const wasm = new Float64Array(rows * rows).fill(NaN);
        gramMatrixJs(z, rows, len, js);
        expect(gramMatrixWasm(kernel.exports!, z, rows, len, wasm)).toBe(true);
        expect(maxDiff(js, wasm)).toBeLessThanOrEqual(1e-12);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < rows; j++) {
            expect(Object.is(wasm[i * rows + j], wasm[j * rows + i])).toBe(true);
          }
        }
      }
    ),
    { seed: 15, numRuns: 200 }
  );
});

it('grows memory for a bigger call after smaller ones and reuses the instance', () => {
  const before = kernel.exports!.memory.buffer.byteLength;
  const rows = 61;
  const len = 4099;
  const z = unitRows(rows, len, 3);
  const js = new Float64Array(rows * rows);
  const out = new Float64Array(rows * rows);
  gramMatrixJs(z, rows, len, js);
  expect(gramMatrix(z, rows, len, out)).toEqual({ kernel: 'wasm', fallback: null });
  expect(kernel.exports!.memory.buffer.byteLength).toBeGreaterThan(before);
  expect(gramKernel()).toBe(kernel);
  expect(maxDiff(js, out)).toBeLessThanOrEqual(1e-12);
});

it('small products stay in JS without a notice', () => {
  const z = unitRows(5, 11, 9);
  expect((5 * 6 * 11) / 2).toBeLessThan(WASM_MIN_WORK);
  expect(gramMatrix(z, 5, 11, new Float64Array(25))).toEqual({ kernel: 'js', fallback: null });
});

it('bytes that do not compile become a reason, not an exception', () => {
  const bytes = decodeBase64(GRAM_KERNEL_BASE64).slice();
  bytes[bytes.length - 3] ^= 0xff;
  const broken = compileGramKernel(bytes);
  expect(broken.exports).toBeNull();
  expect(broken.unavailable).toMatch(/does not compile/);
});

it('decodes base64 like Node', () => {
  expect(Buffer.from(decodeBase64(GRAM_KERNEL_BASE64)).equals(Buffer.from(GRAM_KERNEL_BASE64, 'base64'))).toBe(true);
  for (const s of ['', 'QQ==', 'QUI=', 'QUJD']) {
    expect(Buffer.from(decodeBase64(s)).equals(Buffer.from(s, 'base64'))).toBe(true);
  }
});

describe('analyze() without WebAssembly', () => {
  const N = 64;
  const T = 521;
  const request = {
    version: 1,
    series: Array.from({ length: N }, (_, i) => {
      const z = unitRows(1, T, i + 1);
      return { id: `s${i}`, values: Array.from(z) };
    }),
  };

  function run(withWasm: boolean): AnalyzeResult {
    const saved = globalThis.WebAssembly;
    let result: AnalyzeResult | undefined;
    jest.isolateModules(() => {
      if (!withWasm) {
        Object.defineProperty(globalThis, 'WebAssembly', { value: undefined, configurable: true });
      }
      try {
        // A fresh module registry: the kernel detection runs again under this global.
        const { analyze } = require('../analyze') as typeof import('../analyze');
        result = analyze(request);
      } finally {
        Object.defineProperty(globalThis, 'WebAssembly', { value: saved, configurable: true, writable: true });
      }
    });
    return result!;
  }

  it('gives the same r with a KERNEL_FALLBACK notice; with WebAssembly no notice', () => {
    expect((N * (N + 1) * T) / 2).toBeGreaterThanOrEqual(WASM_MIN_WORK);
    const withWasm = run(true);
    const without = run(false);
    expect(withWasm.warnings.map((w) => w.code)).not.toContain('KERNEL_FALLBACK');
    const notice = without.warnings.find((w) => w.code === 'KERNEL_FALLBACK');
    expect(notice?.message).toBe(
      'WebAssembly is unavailable (WebAssembly is not available in this environment): the JavaScript kernel is used; results are the same, slower'
    );
    const a = withWasm.correlation!.r;
    const b = without.correlation!.r;
    a.forEach((v, k) => expect(Number.isNaN(v) ? Number.isNaN(b[k]) : Math.abs(v - b[k]) <= 1e-12).toBe(true));
  });
});
