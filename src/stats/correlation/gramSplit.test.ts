/** @jest-environment node */
import { analyze, analyzeSplit } from '../analyze';
import { maxDiff, unitRows } from '../__tests__/gramAgreement';
import { gramMatrixOf } from './gramMatrix';
import { rowsOf, type GramRequest } from './gramRequest';
import { balancedShare, gramBlock, gramMatrixSplit, type GramBlockJob, type GramHelper } from './gramSplit';
import { SPLIT_MIN_WORK } from './splitFloor';
import { compileGramKernel, hasRelaxedSimd } from './wasm/gramKernel';
import { decodeBase64 } from './wasm/kernelModule';
import { GRAM_KERNEL_BASE64 } from './wasm/gramKernelBytes';
import { GRAM_KERNEL_FMA_BASE64 } from './wasm/gramKernelFmaBytes';

// 400 rows x 3400 steps: 400 * 401 / 2 * 3400 = 272.7 M multiply-adds, just above the split floor (2^28).
const ROWS = 400;
const LEN = 3400;

/** Raw rows (not centred) with their sums, as pearsonMatrix asks for r. */
function rawRequest(rows: number, len: number, seed: number): GramRequest & { out: Float64Array } {
  const z = unitRows(rows, len, seed);
  for (let k = 0; k < z.length; k++) {
    z[k] = 3 + 40 * z[k];
  }
  const sums = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    sums[i] = z.subarray(i * len, (i + 1) * len).reduce((a, b) => a + b, 0);
  }
  return { rows, len, writeRow: rowsOf(z, len), rowSum: (i) => sums[i], out: new Float64Array(rows * rows) };
}

/**
 * A helper on this thread: the same gramBlock a worker runs, on a kernel instance of its own (a worker has
 * its own), with the jobs it saw.
 */
function inProcessHelper(): GramHelper & { jobs: GramBlockJob[] } {
  const jobs: GramBlockJob[] = [];
  const own = compileGramKernel(
    decodeBase64(hasRelaxedSimd() ? GRAM_KERNEL_FMA_BASE64 : GRAM_KERNEL_BASE64),
    hasRelaxedSimd() ? 'relaxed-simd' : 'simd'
  );
  return {
    jobs,
    gram: async (job) => {
      jobs.push({ ...job });
      return gramBlock(job, own);
    },
  };
}

/** r as the kernels must give it: symmetric bit for bit, diagonal exactly 1, every value within [-1, 1]. */
function expectCorrelation(r: Float64Array, rows: number): void {
  let diagonalOne = true;
  let symmetric = true;
  let inRange = true;
  for (let i = 0; i < rows; i++) {
    diagonalOne &&= r[i * rows + i] === 1;
    for (let j = 0; j < rows; j++) {
      symmetric &&= Object.is(r[i * rows + j], r[j * rows + i]);
      inRange &&= Math.abs(r[i * rows + j]) <= 1;
    }
  }
  expect({ diagonalOne, symmetric, inRange }).toEqual({ diagonalOne: true, symmetric: true, inRange: true });
}

function withOut(request: GramRequest): GramRequest & { out: Float64Array } {
  return { ...request, out: new Float64Array(request.rows * request.rows) };
}

it('the test size is above the floor', () => {
  expect((ROWS * (ROWS + 1) * LEN) / 2).toBeGreaterThanOrEqual(SPLIT_MIN_WORK);
});

it('a split product is r to rounding: symmetric bit for bit, diagonal exactly 1, within [-1, 1]', async () => {
  const request = rawRequest(ROWS, LEN, 5);
  const one = withOut(request);
  expect(gramMatrixOf(one).workers).toBe(1);
  const helper = inProcessHelper();
  const two = withOut(request);
  const outcome = await gramMatrixSplit(two, helper);
  expect(outcome.workers).toBe(2);
  expect(helper.jobs).toHaveLength(1);
  // The helper summed the later stretch of time of every row: a little under half of it (it also copies its
  // rows in and its matrix out), after an even number of steps here (whole step pairs of the panels).
  const { count, len } = helper.jobs[0];
  expect(count).toBe(ROWS);
  expect(len / LEN).toBeGreaterThan(0.4);
  expect(len / LEN).toBeLessThan(0.5);
  expect((LEN - len) % 2).toBe(0);
  expect(maxDiff(one.out, two.out)).toBeLessThanOrEqual(1e-15);
  expectCorrelation(one.out, ROWS);
  expectCorrelation(two.out, ROWS);
});

it('passes the same two buffers back and forth from one product to the next', async () => {
  const helper = inProcessHelper();
  const request = rawRequest(ROWS, LEN, 6);
  const first = await gramMatrixSplit(withOut(request), helper).then(() => helper.jobs[0]);
  const again = withOut(request);
  await gramMatrixSplit(again, helper);
  const second = helper.jobs[1];
  expect(second.rows.buffer).toBe(first.rows.buffer);
  expect(second.into).toBeDefined();
  const alone = withOut(request);
  gramMatrixOf(alone);
  expect(maxDiff(alone.out, again.out)).toBeLessThanOrEqual(1e-15);
});

it("without an `out`, the product is the helper's answer, and the caller's other work runs once", async () => {
  const helper = inProcessHelper();
  const request = rawRequest(ROWS, LEN, 10);
  const alone = withOut(request);
  gramMatrixOf(alone);
  let ran = 0;
  const { out: _none, ...noOut } = request;
  for (let k = 0; k < 2; k++) {
    const outcome = await gramMatrixSplit({ ...noOut, alongside: () => ran++ }, helper);
    expect(outcome.workers).toBe(2);
    expect(maxDiff(alone.out, outcome.product)).toBeLessThanOrEqual(1e-15);
    expectCorrelation(outcome.product, ROWS);
  }
  // The first answer became the first product: the second job asked the helper for a new array.
  expect(helper.jobs[1].into).toBeUndefined();
  expect(ran).toBe(2);
});

it('a helper that answers in a new array writes all of it (both triangles)', () => {
  const z = unitRows(40, 600, 11);
  const { gram } = gramBlock({ rows: z, count: 40, len: 600 });
  expect(gram.every(Number.isFinite)).toBe(true);
  expect(gram.every((v, k) => v === gram[(k % 40) * 40 + Math.floor(k / 40)])).toBe(true);
});

describe('a row that rowSum rejects stops the product before any multiply-add', () => {
  const rejecting = (request: GramRequest, bad: number): GramRequest => ({
    ...request,
    rowSum: (i) => (i === bad ? NaN : request.rowSum!(i)),
    alongside: () => {
      throw new Error('alongside must not run for a rejected product');
    },
  });

  it.each([
    ['the WebAssembly kernel', ROWS, LEN],
    ['the JS kernel (a small product)', 40, 300],
  ])('on this thread, %s', (_name, rows, len) => {
    const request = rawRequest(rows, len, 12);
    expect(gramMatrixOf(rejecting(request, rows - 1)).rejected).toBe(true);
  });

  it('split: the helper is not asked, and its buffers stay for the next product', async () => {
    const helper = inProcessHelper();
    const request = rawRequest(ROWS, LEN, 13);
    await gramMatrixSplit(withOut(request), helper);
    expect((await gramMatrixSplit(rejecting(request, 7), helper)).rejected).toBe(true);
    expect(helper.jobs).toHaveLength(1);
    await gramMatrixSplit(withOut(request), helper);
    expect(helper.jobs[1].rows.buffer).toBe(helper.jobs[0].rows.buffer);
    expect(helper.jobs[1].into).toBeDefined();
  });
});

describe('a helper that fails costs time, never the answer', () => {
  const cases: Array<[string, GramHelper]> = [
    ['rejects', { gram: () => Promise.reject(new Error('worker lost')) }],
    [
      'throws',
      {
        gram: () => {
          throw new Error('postMessage failed');
        },
      },
    ],
    ['answers the wrong size', { gram: async (job) => ({ gram: new Float64Array(4), rows: job.rows, ms: 1 }) }],
  ];
  it.each(cases)('a helper that %s: this thread computes it all, the same as alone', async (_name, helper) => {
    const request = rawRequest(ROWS, LEN, 7);
    const alone = withOut(request);
    gramMatrixOf(alone);
    let ran = 0;
    const split = { ...withOut(request), alongside: () => ran++ };
    expect((await gramMatrixSplit(split, helper)).workers).toBe(1);
    expect(maxDiff(alone.out, split.out)).toBe(0);
    expect(ran).toBe(1);
  });
});

it('leaves a small product to this thread without asking the helper', async () => {
  const helper = inProcessHelper();
  const request = rawRequest(40, 300, 8);
  expect(await gramMatrixSplit(request, helper)).toEqual({
    kernel: 'js',
    fallback: null,
    workers: 1,
    product: request.out,
  });
  expect(helper.jobs).toHaveLength(0);
  expectCorrelation(request.out, 40);
});

it("analyzeSplit gives analyze()'s result, with workers 2, for Pearson and Spearman", async () => {
  const z = unitRows(ROWS, LEN, 9);
  const series = Array.from({ length: ROWS }, (_, i) => ({
    id: `s${i}`,
    values: z.subarray(i * LEN, (i + 1) * LEN),
  }));
  for (const method of ['pearson', 'spearman'] as const) {
    const request = { version: 1, series, correlation: { method } };
    const alone = analyze(request);
    const split = await analyzeSplit(request, undefined, inProcessHelper());
    expect([alone.correlation?.workers, split.correlation?.workers]).toEqual([1, 2]);
    expect(split.warnings).toEqual(alone.warnings);
    for (const k of ['r', 'p', 'q', 'nEff'] as const) {
      expect(maxDiff(alone.correlation![k] as Float64Array, split.correlation![k] as Float64Array)).toBeLessThanOrEqual(
        1e-12
      );
    }
  }
});

it('analyzeSplit turns bad input into warnings, as analyze() does', async () => {
  const result = await analyzeSplit({ version: 1, series: 'no' }, undefined, inProcessHelper());
  expect(result.warnings.length).toBeGreaterThan(0);
  expect(result.correlation).toBeUndefined();
});

describe("the helper's share is learnt from the last split", () => {
  it('stays where both threads finish together, and moves halfway to where they would have', () => {
    // Half each, this thread 50 ms, the helper 49 ms plus a message each way (0.5 ms): balanced already.
    expect(balancedShare(0.5, 50, 49)).toBeCloseTo(0.5, 12);
    // A helper twice as slow per step would have balanced at a third: halfway from a half is 5/12.
    expect(balancedShare(0.5, 50, 99)).toBeCloseTo(5 / 12, 12);
    // A helper twice as fast: balanced at two thirds, halfway is 7/12 (within the 0.6 bound).
    expect(balancedShare(0.5, 50, 24)).toBeCloseTo(7 / 12, 12);
  });

  it('keeps within 25-60 % and ignores timings that say nothing', () => {
    expect(balancedShare(0.3, 70, 3000)).toBe(0.25);
    expect(balancedShare(0.6, 40, 0)).toBe(0.6);
    expect(balancedShare(0.45, NaN, 40)).toBe(0.45);
    expect(balancedShare(0.45, 0, -1)).toBe(0.45);
  });

  it('the second split of a helper uses the share learnt from its first', async () => {
    const helper = inProcessHelper();
    const request = rawRequest(ROWS, LEN, 8);
    await gramMatrixSplit(withOut(request), helper);
    const again = withOut(request);
    expect((await gramMatrixSplit(again, helper)).workers).toBe(2);
    const [first, second] = helper.jobs.map((job) => job.len / LEN);
    expect(first).toBeCloseTo(0.45, 2);
    expect(second).toBeGreaterThanOrEqual(0.25 - 1 / LEN);
    expect(second).toBeLessThanOrEqual(0.6 + 1 / LEN);
    const alone = withOut(request);
    gramMatrixOf(alone);
    expect(maxDiff(alone.out, again.out)).toBeLessThanOrEqual(1e-15);
  });
});
