/**
 * The analysis worker and its helper worker in Chromium (built dist/ required): a correlation matrix large
 * enough for the engine to split its Gram product (rows*(rows+1)/2*len >= 2^28 multiply-adds) is computed
 * by both workers, and says so in the matrix frame's meta.custom.workers, with the same r as the analysis
 * worker computes alone (the sandbox's `?cores=1`: a page on one core starts no helper) and as the
 * main-thread fallback (a Content-Security-Policy without blob: workers).
 */
import { openPage } from './lib/browser';
import { sharedSandbox } from './lib/sharedSandbox';
import { largestDifference, syntheticMatrix, type SyntheticMatrix } from './lib/syntheticMatrix';

jest.setTimeout(180_000);

/** 600 signals x 2,000 points: 600*601/2*2000 = 360.6 million multiply-adds, above the split floor (2^28 = 268.4 million). */
const SIGNALS = 600;
const POINTS = 2000;

const shared = sharedSandbox();

async function matrixAt(query: string): Promise<{ answer: SyntheticMatrix & { cores: number }; problems: string[] }> {
  const { page, problems } = await openPage(shared.browser, `${shared.sandbox.url}${query}`);
  // A dashboard's first query starts the analysis worker, and its first job the helper (which that job does
  // not wait for); a later query finds both ready. How soon depends on the machine: a few tries, then the
  // last answer is checked.
  let matrix = await syntheticMatrix(page, SIGNALS, POINTS, 2);
  for (let attempt = 0; attempt < 4 && matrix.workers !== 2 && query.includes('cores=2'); attempt++) {
    await page.waitForTimeout(500);
    matrix = await syntheticMatrix(page, SIGNALS, POINTS);
  }
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.close();
  return { answer: { ...matrix, cores }, problems };
}

it('computes a large matrix with the helper worker, the same r as without it and as on the main thread', async () => {
  const two = await matrixAt('?cores=2');
  const one = await matrixAt('?cores=1');
  const mainThread = await matrixAt('?cores=2&csp=no-blob-worker');

  expect([two.answer.cores, one.answer.cores]).toEqual([2, 1]);
  for (const { answer } of [two, one, mainThread]) {
    expect(answer.error).toBeNull();
    expect(answer.r.length).toBe(SIGNALS * SIGNALS);
    expect(answer.kernel).toBe('relaxed-simd');
  }
  expect([two.answer.workers, one.answer.workers, mainThread.answer.workers]).toEqual([2, 1, 1]);
  // The workers computed the first two (the main-thread fallback says so), the page the third.
  expect(two.answer.notices.join('\n')).not.toMatch(/main thread/);
  expect(one.answer.notices.join('\n')).not.toMatch(/main thread/);
  expect(mainThread.answer.notices.join('\n')).toMatch(/computed this analysis on the main thread/);

  expect(largestDifference(two.answer.r, one.answer.r)).toBeLessThanOrEqual(1e-12);
  expect(largestDifference(two.answer.r, mainThread.answer.r)).toBeLessThanOrEqual(1e-12);

  expect(two.problems).toEqual([]);
  expect(one.problems).toEqual([]);
  // The browser reports the CSP violation itself; anything else is a failure.
  expect(mainThread.problems.filter((p) => !/Content Security Policy|worker-src/i.test(p))).toEqual([]);
});
