/** @jest-environment node */
import { MessageChannel, type MessagePort as NodePort } from 'worker_threads';
import { analyze, analyzeSplit, gramBlock, type GramBlockJob, type GramBlockResult } from '../stats';
import { serveGramBlocks } from './gramServer';
import { PortGramHelper } from './portGramHelper';
import type { GramPort } from './protocol';

/** Node's MessagePort has the DOM port's postMessage, addEventListener (with MessageEvent), start and close. */
const asPort = (port: NodePort) => port as unknown as GramPort;

const open: NodePort[] = [];
function channel() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return { helper: new PortGramHelper(asPort(port1)), server: asPort(port2) };
}
afterEach(() => open.splice(0).forEach((p) => p.close()));

it('sends the job with its buffers transferred, and the block comes back transferred', async () => {
  const { helper, server } = channel();
  const seen: Array<{ job: GramBlockJob; rows: number[] }> = [];
  const answered: GramBlockResult[] = [];
  serveGramBlocks(server, (job) => {
    seen.push({ job, rows: Array.from(job.rows) });
    answered.push({ gram: Float64Array.of(4, 5, 5, 6), rows: job.rows, ms: 1 });
    return answered[0];
  });
  const job = { rows: Float64Array.of(1, 2, 3, 4), count: 2, len: 2, into: new Float64Array(4) };
  const asked = helper.gram(job);
  // Moved, not copied: the sender's buffers are detached at once.
  expect(job.rows.buffer.byteLength).toBe(0);
  expect(job.into.buffer.byteLength).toBe(0);
  const result = await asked;
  expect(seen[0].job).toMatchObject({ count: 2, len: 2 });
  expect(seen[0].rows).toEqual([1, 2, 3, 4]);
  expect(Array.from(result.gram)).toEqual([4, 5, 5, 6]);
  expect(Array.from(result.rows)).toEqual([1, 2, 3, 4]);
  // And back: the helper side no longer holds them.
  expect(answered[0].gram.buffer.byteLength).toBe(0);
  expect(answered[0].rows.buffer.byteLength).toBe(0);
});

it('sends a job without `into` (the first split product)', async () => {
  const { helper, server } = channel();
  serveGramBlocks(server, (job) => ({ gram: new Float64Array(job.count * job.count), rows: job.rows, ms: 1 }));
  const result = await helper.gram({ rows: new Float64Array(6), count: 3, len: 2 });
  expect(result.gram).toHaveLength(9);
  expect(result.rows).toHaveLength(6);
});

it("rejects with the helper's message when it cannot compute the block, and serves the next job", async () => {
  const { helper, server } = channel();
  let calls = 0;
  serveGramBlocks(server, (job) => {
    if (calls++ === 0) {
      throw new Error("the helper's WebAssembly memory cannot hold 9000 series of 4000 points");
    }
    return { gram: new Float64Array(job.count * job.count), rows: job.rows, ms: 1 };
  });
  await expect(helper.gram({ rows: new Float64Array(4), count: 2, len: 2 })).rejects.toThrow(
    "the helper's WebAssembly memory cannot hold 9000 series of 4000 points"
  );
  const next = await helper.gram({ rows: new Float64Array(4), count: 2, len: 2 });
  expect(Array.from(next.gram)).toEqual([0, 0, 0, 0]);
});

it('close() rejects the jobs waiting for an answer and every later one', async () => {
  const { helper } = channel();
  const waiting = helper.gram({ rows: new Float64Array(4), count: 2, len: 2 });
  helper.close('the helper worker failed to load');
  await expect(waiting).rejects.toThrow('the helper worker is gone: the helper worker failed to load');
  await expect(helper.gram({ rows: new Float64Array(4), count: 2, len: 2 })).rejects.toThrow(/gone/);
});

it("serves the engine's gramBlock: the dot products of the rows", async () => {
  const { helper, server } = channel();
  serveGramBlocks(server, gramBlock);
  // Rows (1, 2, 0, 0) and (0, 1, 3, 0): dot products 5, 2 and 10, the upper triangle (all the engine adds).
  const result = await helper.gram({ rows: Float64Array.of(1, 2, 0, 0, 0, 1, 3, 0), count: 2, len: 4 });
  const [g00, g01, , g11] = result.gram;
  expect([g00, g01, g11]).toEqual([5, 2, 10]);
  expect(result.ms).toBeGreaterThanOrEqual(0);
  expect(Array.from(result.rows)).toEqual([1, 2, 0, 0, 0, 1, 3, 0]);
});

/**
 * With the helper gone, analyzeSplit still answers. (Its agreement with analyze() while a helper takes
 * part is checked by the engine's tests, src/stats/correlation/gramSplit.test.ts, with a helper on a kernel
 * instance of its own, and in Chromium, tests/browser/twoWorkers.browser.test.ts.)
 */
it('analyzeSplit computes everything itself, the same r as analyze(), when the helper is gone', async () => {
  // 400 signals x 3,400 points: 400*401/2*3400 multiply-adds, above the engine's split floor (2^28).
  const signals = 400;
  const points = 3400;
  const request = () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
    const common = Array.from({ length: points }, next);
    const series = Array.from({ length: signals }, (_, s) => ({
      id: `s${s}`,
      values: Float64Array.from(common, (c) => (s % 3) * c + next()),
    }));
    return { version: 1, series, clustering: { enabled: false } };
  };
  const { helper } = channel();
  helper.close('the helper worker failed');
  const split = await analyzeSplit(request(), undefined, helper);
  const alone = analyze(request());
  expect(split.warnings).toEqual(alone.warnings);
  expect(split.correlation!.workers).toBe(1);
  expect(split.correlation!.r).toEqual(alone.correlation!.r);
});
