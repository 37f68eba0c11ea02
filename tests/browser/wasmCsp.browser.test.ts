/**
 * The WebAssembly Gram kernel under the page's Content-Security-Policy, in Chromium (built dist/ required).
 * The analysis runs in the blob: worker, which inherits the page's policy: without 'wasm-unsafe-eval' the
 * worker's engine cannot compile the kernel, computes the same matrix with the JavaScript kernel and says so
 * in a notice; with 'wasm-unsafe-eval' (or no policy) it uses the kernel and says nothing. Chromium has
 * relaxed SIMD by default, so there the kernel is the fused multiply-add build (the matrix frame's
 * meta.custom.kernel says which ran).
 */
import { openPage } from './lib/browser';
import { sharedSandbox } from './lib/sharedSandbox';
import { largestDifference, syntheticMatrix, type SyntheticMatrix } from './lib/syntheticMatrix';

jest.setTimeout(180_000);

/** 80 signals x 600 points: 80*81/2*600 multiply-adds, above the engine's floor for the kernel (WASM_MIN_WORK). */
const SIGNALS = 80;
const POINTS = 600;

const shared = sharedSandbox();

async function synthesisedMatrix(
  query: string
): Promise<{ answer: SyntheticMatrix & { pageCompiles: boolean }; problems: string[] }> {
  const { page, problems } = await openPage(shared.browser, `${shared.sandbox.url}${query}`);
  const matrix = await syntheticMatrix(page, SIGNALS, POINTS);
  // Whether the page itself may compile WebAssembly (the same policy the worker inherits).
  const pageCompiles = await page.evaluate(() => {
    try {
      // The smallest valid module: magic number and version.
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return true;
    } catch {
      return false;
    }
  });
  await page.close();
  return { answer: { ...matrix, pageCompiles }, problems };
}

const fallback = (notices: string[]) => notices.filter((n) => /WebAssembly/.test(n));

it('gives the same r with and without WebAssembly; only a policy without wasm-unsafe-eval brings the notice', async () => {
  const open = await synthesisedMatrix('');
  const allowed = await synthesisedMatrix('?csp=wasm');
  const blocked = await synthesisedMatrix('?csp=no-wasm');

  for (const { answer } of [open, allowed, blocked]) {
    expect(answer.error).toBeNull();
    // The worker computed it (the main-thread fallback would say so).
    expect(answer.notices.join('\n')).not.toMatch(/main thread/);
    expect(answer.r.length).toBe(SIGNALS * SIGNALS);
  }
  expect([open.answer.pageCompiles, allowed.answer.pageCompiles, blocked.answer.pageCompiles]).toEqual([
    true,
    true,
    false,
  ]);
  expect([open.answer.kernel, allowed.answer.kernel, blocked.answer.kernel]).toEqual([
    'relaxed-simd',
    'relaxed-simd',
    'js',
  ]);
  expect(fallback(open.answer.notices)).toEqual([]);
  expect(fallback(allowed.answer.notices)).toEqual([]);
  expect(fallback(blocked.answer.notices)).toEqual([
    "WebAssembly is unavailable (blocked by the page's Content-Security-Policy (no 'wasm-unsafe-eval')): the JavaScript kernel is used; results are the same, slower",
  ]);

  expect(largestDifference(open.answer.r, blocked.answer.r)).toBeLessThanOrEqual(1e-12);
  expect(largestDifference(open.answer.r, allowed.answer.r)).toBe(0);

  expect(open.problems).toEqual([]);
  expect(allowed.problems).toEqual([]);
  // Chromium reports the refused compilation itself; anything else is a failure.
  expect(blocked.problems.filter((p) => !/Content Security Policy|wasm-unsafe-eval|WebAssembly/i.test(p))).toEqual([]);
});
