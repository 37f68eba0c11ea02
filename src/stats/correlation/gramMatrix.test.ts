/** @jest-environment node */
import fc from 'fast-check';
import type { AnalyzeResult } from '../contract';
import { gramMatrix, WASM_MIN_WORK } from './gramMatrix';
import { gramMatrixJs } from './gramMatrixJs';
import { AWKWARD_SHAPES, expectAgrees, gramAgreement, maxDiff, unitRows } from '../__tests__/gramAgreement';
import { compileGramKernel, gramKernel, hasRelaxedSimd } from './wasm/gramKernel';
import { decodeBase64 } from './wasm/kernelModule';
import { GRAM_KERNEL_BASE64 } from './wasm/gramKernelBytes';
import { GRAM_KERNEL_FMA_BASE64 } from './wasm/gramKernelFmaBytes';

const kernel = gramKernel();

/** Every build that compiles here: SIMD always, relaxed SIMD too under --experimental-wasm-relaxed-simd. */
const builds = [
  compileGramKernel(decodeBase64(GRAM_KERNEL_BASE64), 'simd'),
  ...(hasRelaxedSimd() ? [compileGramKernel(decodeBase64(GRAM_KERNEL_FMA_BASE64), 'relaxed-simd')] : []),
];

it('compiles in Node (the engine of the CLI and of jest has WebAssembly SIMD); relaxed SIMD only where it validates', () => {
  expect(kernel.unavailable).toBeNull();
  expect(kernel.name).toBe(hasRelaxedSimd() ? 'relaxed-simd' : 'simd');
  builds.forEach((b) => expect(b.unavailable).toBeNull());
});

it('the relaxed-SIMD build does not validate without relaxed SIMD, so it cannot be picked there', () => {
  expect(WebAssembly.validate(decodeBase64(GRAM_KERNEL_FMA_BASE64))).toBe(hasRelaxedSimd());
});

describe.each(builds.map((b) => [b.name, b.exports!] as const))('the %s build', (_name, exports) => {
  it('equals the JS kernel to 1e-12 over random shapes (rows not a multiple of 4, odd lengths)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 19 }),
        fc.integer({ min: 1, max: 67 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (rows, len, seed) => {
          expectAgrees(gramAgreement(exports, rows, len, seed));
        }
      ),
      { seed: 15, numRuns: 200 }
    );
  });

  it.each(AWKWARD_SHAPES)('equals the JS kernel at %i rows x %i steps', (rows, len) => {
    expectAgrees(gramAgreement(exports, rows, len, rows * 31 + len));
  });
});

it('grows memory for a bigger call after smaller ones and reuses the instance', () => {
  const before = kernel.exports!.memory.buffer.byteLength;
  const rows = 61;
  const len = 4099;
  const z = unitRows(rows, len, 3);
  const js = new Float64Array(rows * rows);
  const out = new Float64Array(rows * rows);
  gramMatrixJs(z, rows, len, js);
  expect(gramMatrix(z, rows, len, out)).toEqual({ kernel: kernel.name, fallback: null, workers: 1, product: out });
  expect(kernel.exports!.memory.buffer.byteLength).toBeGreaterThan(before);
  expect(gramKernel()).toBe(kernel);
  expect(maxDiff(js, out)).toBeLessThanOrEqual(1e-12);
});

it('small products stay in JS without a notice', () => {
  const z = unitRows(5, 11, 9);
  expect((5 * 6 * 11) / 2).toBeLessThan(WASM_MIN_WORK);
  const out = new Float64Array(25);
  expect(gramMatrix(z, 5, 11, out)).toEqual({ kernel: 'js', fallback: null, workers: 1, product: out });
});

it('bytes that do not compile become a reason, not an exception', () => {
  const bytes = decodeBase64(GRAM_KERNEL_BASE64).slice();
  bytes[bytes.length - 3] ^= 0xff;
  const broken = compileGramKernel(bytes, 'simd');
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
    expect([withWasm.correlation?.kernel, without.correlation?.kernel]).toEqual([kernel.name, 'js']);
    const notice = without.warnings.find((w) => w.code === 'KERNEL_FALLBACK');
    expect(notice?.message).toBe(
      'WebAssembly is unavailable (WebAssembly is not available in this environment): the JavaScript kernel is used; results are the same, slower'
    );
    const a = withWasm.correlation!.r;
    const b = without.correlation!.r;
    a.forEach((v, k) => expect(Number.isNaN(v) ? Number.isNaN(b[k]) : Math.abs(v - b[k]) <= 1e-12).toBe(true));
  });
});
