/** @jest-environment node */
import type { AnalyzeRequest, AnalyzeResult } from '../stats';
import { AnalysisCancelled, AnalysisClient } from './analysisClient';
import type { FromWorker, ToWorker } from './protocol';

/** A controllable fake worker: jobs finish only when the test says so. */
class FakeWorker {
  listeners: Array<(e: { data: FromWorker }) => void> = [];
  received: Array<{ message: ToWorker; transfer: unknown[] }> = [];
  terminated = false;
  addEventListener(type: string, l: (e: { data: FromWorker }) => void) {
    if (type === 'message') {
      this.listeners.push(l);
    }
  }
  postMessage(message: ToWorker, transfer: unknown[] = []) {
    this.received.push({ message, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  emit(data: FromWorker) {
    this.listeners.forEach((l) => l({ data }));
  }
}

const result = { version: 1, warnings: [] } as unknown as AnalyzeResult;
const request = (): AnalyzeRequest => ({ version: 1, series: [{ id: 'a', values: new Float64Array([1, 2, 3]) }] });
const flush = () => new Promise((r) => setTimeout(r, 0));

it('runs a job in the worker and resolves with its result', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker);
  const run = client.run(request());
  w.emit({ type: 'ready' });
  const id = w.received[0].message.id;
  w.emit({ type: 'result', id, result });
  await expect(run).resolves.toEqual({ result, mode: 'worker' });
});

it('posts nothing until the worker is ready (so a failed worker leaves the data intact), then transfers buffers', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker);
  const first = client.run(request());
  expect(w.received).toHaveLength(0);
  w.emit({ type: 'ready' });
  expect(w.received[0].transfer).toHaveLength(1);
  w.emit({ type: 'result', id: w.received[0].message.id, result });
  await first;
});

it('hands the transferred matrices over as they came: Float64Arrays, NaN for missing, no copy', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker);
  const run = client.run(request());
  w.emit({ type: 'ready' });
  const r = new Float64Array([1, NaN, 0.5]);
  const sent = { ...result, correlation: { r } } as unknown as AnalyzeResult;
  w.emit({ type: 'result', id: w.received[0].message.id, result: sent });
  expect((await run).result.correlation!.r).toBe(r);
});

it('a newer job with the same key cancels the running one by terminating the worker', async () => {
  const workers: FakeWorker[] = [];
  const client = new AnalysisClient(() => {
    workers.push(new FakeWorker());
    return workers[workers.length - 1] as unknown as Worker;
  });
  const older = client.run(request(), { key: 'panel-1' });
  workers[0].emit({ type: 'ready' });
  const newer = client.run(request(), { key: 'panel-1' });
  await expect(older).rejects.toBeInstanceOf(AnalysisCancelled);
  workers[1].emit({ type: 'ready' });
  expect(workers[0].terminated).toBe(true);
  // The newer job went to a fresh worker.
  expect(workers).toHaveLength(2);
  workers[1].emit({ type: 'result', id: workers[1].received[0].message.id, result });
  await expect(newer).resolves.toMatchObject({ mode: 'worker' });
});

it('aborting the signal cancels a queued job without touching the running one', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker);
  const running = client.run(request(), { key: 'a' });
  w.emit({ type: 'ready' });
  const abort = new AbortController();
  const queued = client.run(request(), { key: 'b', signal: abort.signal });
  abort.abort();
  await expect(queued).rejects.toBeInstanceOf(AnalysisCancelled);
  expect(w.terminated).toBe(false);
  w.emit({ type: 'result', id: w.received[0].message.id, result });
  await expect(running).resolves.toMatchObject({ mode: 'worker' });
  expect(client.pending).toBe(0);
});

it('computes on the main thread, with a notice, when no worker can be created', async () => {
  const local = jest.fn(async () => result);
  const client = new AnalysisClient(() => {
    throw new Error('Refused by CSP');
  }, local);
  const run = await client.run(request());
  expect(local).toHaveBeenCalled();
  expect(run.mode).toBe('main-thread');
  expect(run.notice).toMatch(/main thread.*Refused by CSP/s);
});

it('errors from the worker come back as errors', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker);
  const run = client.run(request());
  w.emit({ type: 'ready' });
  w.emit({ type: 'error', id: w.received[0].message.id, message: 'boom' });
  await expect(run).rejects.toThrow('boom');
  await flush();
});

it('warmUp starts the worker once, before any job, and a job sent after "ready" is posted at once', async () => {
  let created = 0;
  const w = new FakeWorker();
  const client = new AnalysisClient(() => {
    created++;
    return w as unknown as Worker;
  });
  client.warmUp();
  client.warmUp();
  expect(created).toBe(1);
  expect(w.received).toHaveLength(0);
  w.emit({ type: 'ready' });
  const run = client.run(request());
  expect(w.received).toHaveLength(1);
  w.emit({ type: 'result', id: w.received[0].message.id, result });
  await expect(run).resolves.toEqual({ result, mode: 'worker' });
  expect(created).toBe(1);
});
