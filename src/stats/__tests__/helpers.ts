import * as fs from 'fs';
import * as path from 'path';

/** Reads a committed SciPy/pandas/statsmodels fixture (fixtures/reference/correlation/NAME). */
export function readFixture<T = any>(name: string): T {
  const file = path.join(__dirname, '..', '..', '..', 'fixtures', 'reference', 'correlation', name);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** |a - b| <= rel * max(|a|, |b|) + abs; null/NaN must match null/NaN. */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  rel = 1e-9,
  abs = 1e-15,
  label = ''
): void {
  const a = actual === null || actual === undefined || Number.isNaN(actual) ? null : actual;
  const e = expected === null || expected === undefined || Number.isNaN(expected) ? null : expected;
  if (a === null || e === null) {
    if (a !== e) {
      throw new Error(`${label}: expected ${String(e)}, got ${String(a)}`);
    }
    return;
  }
  const tol = rel * Math.max(Math.abs(a), Math.abs(e)) + abs;
  if (!(Math.abs(a - e) <= tol)) {
    throw new Error(`${label}: expected ${e}, got ${a} (diff ${Math.abs(a - e)}, tol ${tol})`);
  }
}

/** Seeded PRNG (the simulator's mulberry32) so statistical tests are reproducible. */
export { mulberry32 as rng } from '../../../simulator/rng';

/** Standard normal draws (Box-Muller) from a uniform generator. */
export function normal(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** A stationary AR(1) series x[t] = phi x[t-1] + e[t] (started from its stationary distribution). */
export function ar1(phi: number, n: number, z: () => number): number[] {
  const out = new Array<number>(n);
  let x = z() / Math.sqrt(1 - phi * phi);
  for (let i = 0; i < n; i++) {
    x = phi * x + z();
    out[i] = x;
  }
  return out;
}

/**
 * A module loaded twice, each time on its own: as it is, and with the kernel module at `kernelPath`
 * (absolute: require.resolve in the test) replaced by `blocked`, as where WebAssembly cannot run. For
 * tests that hold a kernel's numbers to the JavaScript path's.
 */
export function withAndWithoutKernel<M>(load: () => M, kernelPath: string, blocked: object): { kernel: M; js: M } {
  let kernel: M | undefined;
  let js: M | undefined;
  jest.isolateModules(() => (kernel = load()));
  jest.isolateModules(() => {
    jest.doMock(kernelPath, () => blocked);
    js = load();
  });
  return { kernel: kernel!, js: js! };
}
