/** @jest-environment node */
import type { AnalyzeRequest, AnalyzeResult } from '../stats';
import { AnalysisCancelled, AnalysisClient, type AnalysisRun } from './analysisClient';
import type { FromWorker, ToWorker } from './protocol';

/** A controllable fake worker: jobs finish only when the test says so. */
class FakeWorker {
  listeners: Array<{ type: string; listener: (e: unknown) => void }> = [];
  received: Array<{ message: ToWorker; transfer: unknown[] }> = [];
  terminated = false;
  addEventListener(type: string, listener: (e: unknown) => void) {
    this.listeners.push({ type, listener });
  }
  postMessage(message: ToWorker, transfer: unknown[] = []) {
    this.received.push({ message, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  emit(data: FromWorker) {
    this.listeners.filter((l) => l.type === 'message').forEach((l) => l.listener({ data }));
  }
  /** The 'error' event of a worker that failed to load or threw. */
  fail(message: string) {
    this.listeners.filter((l) => l.type === 'error').forEach((l) => l.listener({ message }));
  }
  /** The id of the last job received. */
  get job(): number {
    const jobs = this.received.flatMap((r) => (r.message.type === 'analyze' ? [r.message.id] : []));
    return jobs[jobs.length - 1];
  }
  /** The message types received, in order. */
  get types() {
    return this.received.map((r) => r.message.type);
  }
}

/** Without a helper: the tests of one worker do not depend on the machine's cores. */
const oneCore = { cores: () => 1 };

/** A client whose workers are fakes, in the order created: with a helper, the analysis worker first. */
function withFakes(cores: number, local?: () => Promise<AnalyzeResult>) {
  const workers: FakeWorker[] = [];
  const client = new AnalysisClient(
    () => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1] as unknown as Worker;
    },
    local,
    { cores: () => cores }
  );
  return { client, workers };
}

const result = { version: 1, warnings: [] } as unknown as AnalyzeResult;
const request = (): AnalyzeRequest => ({ version: 1, series: [{ id: 'a', values: new Float64Array([1, 2, 3]) }] });
/**
 * A request whose correlation matrix the engine would split (600 series of 2,000 points, worthSplitting),
 * the only kind that starts a helper. One array serves every series: the fake workers never read it.
 */
const largeRequest = (): AnalyzeRequest => {
  const values = new Float64Array(2000);
  return { version: 1, series: Array.from({ length: 600 }, (_, i) => ({ id: `s${i}`, values })) };
};
const flush = () => new Promise((r) => setTimeout(r, 0));

it('runs a job in the worker and resolves with its result', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker, undefined, oneCore);
  const run = client.run(request());
  w.emit({ type: 'ready' });
  const id = w.job;
  w.emit({ type: 'result', id, result });
  await expect(run).resolves.toEqual({ result, mode: 'worker' });
});

it('posts nothing until the worker is ready (so a failed worker leaves the data intact), then transfers buffers', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker, undefined, oneCore);
  const first = client.run(request());
  expect(w.received).toHaveLength(0);
  w.emit({ type: 'ready' });
  expect(w.received[0].transfer).toHaveLength(1);
  w.emit({ type: 'result', id: w.job, result });
  await first;
});

it('hands the transferred matrices over as they came: Float64Arrays, NaN for missing, no copy', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker, undefined, oneCore);
  const run = client.run(request());
  w.emit({ type: 'ready' });
  const r = new Float64Array([1, NaN, 0.5]);
  const sent = { ...result, correlation: { r } } as unknown as AnalyzeResult;
  w.emit({ type: 'result', id: w.job, result: sent });
  expect((await run).result.correlation!.r).toBe(r);
});

it('a newer job with the same key cancels the running one by terminating the worker', async () => {
  const { client, workers } = withFakes(1);
  const older = client.run(request(), { key: 'panel-1' });
  workers[0].emit({ type: 'ready' });
  const newer = client.run(request(), { key: 'panel-1' });
  await expect(older).rejects.toBeInstanceOf(AnalysisCancelled);
  workers[1].emit({ type: 'ready' });
  expect(workers[0].terminated).toBe(true);
  // The newer job went to a fresh worker.
  expect(workers).toHaveLength(2);
  workers[1].emit({ type: 'result', id: workers[1].job, result });
  await expect(newer).resolves.toMatchObject({ mode: 'worker' });
});

it('aborting the signal cancels a queued job without touching the running one', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker, undefined, oneCore);
  const running = client.run(request(), { key: 'a' });
  w.emit({ type: 'ready' });
  const abort = new AbortController();
  const queued = client.run(request(), { key: 'b', signal: abort.signal });
  abort.abort();
  await expect(queued).rejects.toBeInstanceOf(AnalysisCancelled);
  expect(w.terminated).toBe(false);
  w.emit({ type: 'result', id: w.job, result });
  await expect(running).resolves.toMatchObject({ mode: 'worker' });
  expect(client.pending).toBe(0);
});

it('computes on the main thread, with a notice, when no worker can be created', async () => {
  const local = jest.fn(async () => result);
  const client = new AnalysisClient(
    () => {
      throw new Error('Refused by CSP');
    },
    local,
    oneCore
  );
  const run = await client.run(request());
  expect(local).toHaveBeenCalled();
  expect(run.mode).toBe('main-thread');
  expect(run.notice).toMatch(/main thread.*Refused by CSP/s);
});

it('errors from the worker come back as errors', async () => {
  const w = new FakeWorker();
  const client = new AnalysisClient(() => w as unknown as Worker, undefined, oneCore);
  const run = client.run(request());
  w.emit({ type: 'ready' });
  w.emit({ type: 'error', id: w.job, message: 'boom' });
  await expect(run).rejects.toThrow('boom');
  await flush();
});

it('warmUp starts the worker once, before any job, and a job sent after "ready" is posted at once', async () => {
  let created = 0;
  const w = new FakeWorker();
  const client = new AnalysisClient(
    () => {
      created++;
      return w as unknown as Worker;
    },
    undefined,
    oneCore
  );
  client.warmUp();
  client.warmUp();
  expect(created).toBe(1);
  expect(w.received).toHaveLength(0);
  w.emit({ type: 'ready' });
  const run = client.run(request());
  expect(w.received).toHaveLength(1);
  w.emit({ type: 'result', id: w.job, result });
  await expect(run).resolves.toEqual({ result, mode: 'worker' });
  expect(created).toBe(1);
});

describe('the helper worker', () => {
  const ports: MessagePort[] = [];
  /** The channel's ends handed to the workers (real ports), closed after each test. */
  function portOf(w: FakeWorker, type: 'gram-helper' | 'serve-gram') {
    const sent = w.received.find((r) => r.message.type === type)!;
    const port = (sent.message as { port: MessagePort }).port;
    ports.push(port);
    return { port, transfer: sent.transfer };
  }
  afterEach(() => ports.splice(0).forEach((p) => p.close()));
  /** The helper says 'ready' (the worker has had a job, so it is ready), and each gets its end of the channel. */
  function joined(worker: FakeWorker, helper: FakeWorker) {
    helper.emit({ type: 'ready' });
    portOf(worker, 'gram-helper');
    portOf(helper, 'serve-gram');
  }
  /** The worker had the job and nothing else (no helper): it completes there. */
  async function completesAlone(worker: FakeWorker, run: Promise<AnalysisRun>) {
    expect(worker.types).toEqual(['analyze']);
    worker.emit({ type: 'result', id: worker.job, result });
    await expect(run).resolves.toMatchObject({ mode: 'worker' });
  }

  it('is not started for a job too small to split', async () => {
    const { client, workers } = withFakes(8);
    const run = client.run(request());
    workers[0].emit({ type: 'ready' });
    expect(workers).toHaveLength(1);
    await completesAlone(workers[0], run);
  });

  it('is a second instance of the worker script, started with the first large job, only with more than one core', () => {
    for (const [cores, started] of [
      [1, 1],
      [2, 2],
      [8, 2],
    ]) {
      const { client, workers } = withFakes(cores);
      // Warming up starts the worker alone: a helper loading then would take a core from the page's fetch.
      client.warmUp();
      expect(workers).toHaveLength(1);
      void client.run(largeRequest());
      workers[0].emit({ type: 'ready' });
      expect(workers).toHaveLength(started);
      workers.slice(1).forEach((w) => w.emit({ type: 'ready' }));
      ports.push(
        ...workers.flatMap((w) =>
          w.received.flatMap((r) => ('port' in r.message ? [r.message.port as MessagePort] : []))
        )
      );
    }
  });

  it('is never started for the main-thread fallback', async () => {
    let created = 0;
    const local = jest.fn(async () => result);
    const client = new AnalysisClient(
      () => {
        created++;
        throw new Error('Refused by CSP');
      },
      local,
      { cores: () => 4 }
    );
    await expect(client.run(largeRequest())).resolves.toMatchObject({ mode: 'main-thread' });
    expect(created).toBe(1);
  });

  it('gets one end of a channel, the worker the other, once both are ready; a job does not wait for it', async () => {
    const { client, workers } = withFakes(2);
    const first = client.run(largeRequest());
    workers[0].emit({ type: 'ready' });
    const [worker, helper] = workers;
    // The helper has not said 'ready': the job goes at once, and runs without it.
    expect(worker.types).toEqual(['analyze']);
    expect(helper.types).toEqual([]);
    helper.emit({ type: 'ready' });
    expect(worker.types).toEqual(['analyze', 'gram-helper']);
    expect(helper.types).toEqual(['serve-gram']);
    const toWorker = portOf(worker, 'gram-helper');
    const toHelper = portOf(helper, 'serve-gram');
    // Each end is transferred to its worker.
    expect(toWorker.transfer).toEqual([toWorker.port]);
    expect(toHelper.transfer).toEqual([toHelper.port]);
    expect(toWorker.port).not.toBe(toHelper.port);
    worker.emit({ type: 'result', id: worker.job, result });
    await expect(first).resolves.toMatchObject({ mode: 'worker' });
  });

  it('that fails: the worker is told, the job still completes, and no helper starts again', async () => {
    const { client, workers } = withFakes(2);
    const run = client.run(largeRequest(), { key: 'panel' });
    workers[0].emit({ type: 'ready' });
    const [worker, helper] = workers;
    joined(worker, helper);
    helper.fail('out of memory');
    expect(helper.terminated).toBe(true);
    expect(worker.received.at(-1)!.message).toEqual({ type: 'gram-helper-gone', reason: 'out of memory' });
    expect(worker.terminated).toBe(false);
    const job = worker.job;
    worker.emit({ type: 'result', id: job, result });
    await expect(run).resolves.toMatchObject({ mode: 'worker' });
    // A cancelled job restarts the worker, alone.
    const next = client.run(largeRequest(), { key: 'panel' });
    const newer = client.run(largeRequest(), { key: 'panel' });
    await expect(next).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(workers).toHaveLength(3);
    workers[2].emit({ type: 'ready' });
    await completesAlone(workers[2], newer);
  });

  it('that fails to load: the job runs in the worker without it', async () => {
    const { client, workers } = withFakes(2);
    const run = client.run(largeRequest());
    workers[0].emit({ type: 'ready' });
    const [worker, helper] = workers;
    helper.fail('importScripts failed');
    await completesAlone(worker, run);
    expect(helper.terminated).toBe(true);
  });

  it('that cannot be joined to the worker (no MessageChannel) is dropped; the job runs without it', async () => {
    const channel = jest.spyOn(globalThis, 'MessageChannel').mockImplementation(() => {
      throw new Error('MessageChannel is not defined');
    });
    try {
      const { client, workers } = withFakes(2);
      const run = client.run(largeRequest());
      workers[0].emit({ type: 'ready' });
      const [worker, helper] = workers;
      helper.emit({ type: 'ready' });
      expect(helper.terminated).toBe(true);
      await completesAlone(worker, run);
    } finally {
      channel.mockRestore();
    }
  });

  it('that never says ready is dropped after the start timeout; the worker carries on', async () => {
    jest.useFakeTimers();
    try {
      const { client, workers } = withFakes(2);
      const run = client.run(largeRequest());
      workers[0].emit({ type: 'ready' });
      const [worker, helper] = workers;
      jest.advanceTimersByTime(15_000);
      expect(helper.terminated).toBe(true);
      expect(worker.terminated).toBe(false);
      // The worker never had the helper: nothing to tell it.
      expect(worker.types).toEqual(['analyze']);
      helper.emit({ type: 'ready' });
      await completesAlone(worker, run);
    } finally {
      jest.useRealTimers();
    }
  });

  it('is terminated with the worker when a running job is cancelled; both start again for the next job', async () => {
    const { client, workers } = withFakes(2);
    const abort = new AbortController();
    const running = client.run(largeRequest(), { signal: abort.signal });
    workers[0].emit({ type: 'ready' });
    joined(workers[0], workers[1]);
    abort.abort();
    await expect(running).rejects.toBeInstanceOf(AnalysisCancelled);
    expect([workers[0].terminated, workers[1].terminated]).toEqual([true, true]);
    expect(workers).toHaveLength(2);
    // Lazily: only the next job starts the pair again.
    const next = client.run(largeRequest());
    expect(workers).toHaveLength(3);
    workers[2].emit({ type: 'ready' });
    expect(workers).toHaveLength(4);
    joined(workers[2], workers[3]);
    expect(workers[2].types).toEqual(['analyze', 'gram-helper']);
    workers[2].emit({ type: 'result', id: workers[2].job, result });
    await expect(next).resolves.toMatchObject({ mode: 'worker' });
  });

  it('is not started when the worker cannot start (a CSP refusing workers): the main thread computes', async () => {
    const { client, workers } = withFakes(2, async () => result);
    const run = client.run(largeRequest());
    workers[0].fail('blocked by CSP');
    await expect(run).resolves.toMatchObject({ mode: 'main-thread' });
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
  });
});
