/**
 * The engine's WebAssembly kernels compile and run in Chromium, on the main thread (where Chromium
 * compiles a module synchronously only under 4 KiB: the engine's fallback when no worker can start) and
 * in a worker. WHY a test of its own: where a kernel cannot compile, the engine falls back to JavaScript
 * with the same numbers, so no other test would notice a kernel that Chromium refuses.
 */
import fs from 'fs';
import path from 'path';
import { Browser } from 'playwright-core';
import { KERNELS as BUILT } from '../../scripts/build-wasm';
import { launchChromium } from './lib/browser';

jest.setTimeout(60_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Each committed kernel module's base64 text, by the name of its source (gram twice: the relaxed-SIMD
 * build, which Chromium runs, under `gram`). Read from the files: tests reach the engine only through its
 * public surface, and the bytes are not part of it.
 */
const KERNELS: Record<string, string> = Object.fromEntries(
  BUILT.map((kernel) => {
    const text = fs.readFileSync(path.resolve(__dirname, '..', '..', kernel.module), 'utf8');
    const base64 = [...text.matchAll(/^\s+'([A-Za-z0-9+/=]+)'/gm)].map((m) => m[1]).join('');
    return [path.basename(kernel.source, '.ts'), base64];
  })
);

/**
 * Runs in the page: compiles each kernel synchronously there and in a worker, asks the KS kernel for D of
 * two small samples laid out as its host lays them out (0.5 for these), and the residuals kernel for
 * [1, 5, 3] less its fit on the centred control [-1, 0, 1] (slope 1, mean 3: residuals -1, 2, -1).
 */
function compileEverywhere(kernels: Record<string, string>) {
  const probe = (base64: Record<string, string>) => {
    const out: Record<string, { bytes: number; exports: string[] } | string> = {};
    for (const [name, text] of Object.entries(base64)) {
      try {
        const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
        out[name] = { bytes: bytes.length, exports: Object.keys(instance.exports).sort() };
        if (name === 'ks') {
          const e = instance.exports as any;
          e.memory.grow(1);
          const mem = new Float64Array(e.memory.buffer);
          const at = Math.ceil(e.heapBase() / 16) * 16;
          mem.set([1, 2, 3, 4], at / 8);
          mem.set([3, 4, 5, 6], at / 8 + 4);
          out.ksD = String(e.ksDistance(at, 4, at + 32, 4, 1, 6, at + 64));
        }
        if (name === 'residuals') {
          const e = instance.exports as any;
          e.memory.grow(1);
          const mem = new Float64Array(e.memory.buffer);
          const at = Math.ceil(e.heapBase() / 16) * 16;
          // x, the control by row (and four doubles of padding), by column, pinv, aty, beta, out.
          mem.set([1, 5, 3], at / 8);
          mem.set([-1, 0, 1, 0, 0, 0, 0], at / 8 + 4);
          mem.set([-1, 0, 1], at / 8 + 12);
          mem.set([0.5], at / 8 + 16);
          e.residuals(at, 3, 3, at + 32, at + 96, 1, at + 128, at + 144, at + 176, at + 208);
          out.residualsOut = Array.from(mem.subarray(at / 8 + 26, at / 8 + 29)).join(',');
        }
      } catch (error) {
        out[name] = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    return out;
  };
  const main = probe(kernels);
  const source = `const probe = ${probe.toString()}; onmessage = (e) => postMessage(probe(e.data));`;
  return new Promise((resolve) => {
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    worker.onmessage = (e) => resolve({ main, worker: e.data });
    worker.postMessage(kernels);
  });
}

it('each kernel compiles and runs on the main thread and in a worker', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('about:blank');
  const result = (await page.evaluate(compileEverywhere, KERNELS)) as Record<string, Record<string, unknown>>;
  for (const where of ['main', 'worker']) {
    for (const name of Object.keys(KERNELS)) {
      const kernel = result[where][name] as { bytes: number; exports: string[] };
      expect(typeof kernel).toBe('object');
      expect(kernel.bytes).toBeLessThan(4096);
      expect(kernel.exports).toContain('memory');
    }
    expect(result[where].ksD).toBe('0.5');
    expect(result[where].residualsOut).toBe('-1,2,-1');
  }
  expect((result.main.autocovariance as { exports: string[] }).exports).toEqual(
    expect.arrayContaining(['autocovariance', 'centre', 'lagSums'])
  );
  expect(errors).toEqual([]);
  await page.close();
});
