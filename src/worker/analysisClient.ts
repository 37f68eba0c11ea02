/**
 * Runs analyses in one lazily created Web Worker shared by every panel and query on the page.
 *
 * - Jobs carry ids; one runs at a time, the others wait in a queue.
 * - A job started under a `key` (e.g. a panel's request) cancels the previous job with the same key.
 * - An aborted `signal` (unsubscribe, dashboard left, time range changed) cancels the job. A running
 *   job is cancelled by terminating the worker: a busy worker cannot read a cancel message.
 * - If no worker can be started (e.g. a Content-Security-Policy without `worker-src blob:`), the job
 *   runs on the main thread and the run says so, so the caller can show a notice.
 * - With more than one core, a second instance of the worker script starts with the first job, as the
 *   worker's helper for large correlation matrices (docs/worker.md, "Two workers"). The helper only ever
 *   speeds a job up: one that fails or never says 'ready' is dropped, and jobs never wait for it.
 */
import { worthSplitting, type AnalyzeHooks, type AnalyzeRequest, type AnalyzeResult } from '../stats';
import { HelperWorker } from './helperWorker';
import type { FromWorker, WorkerLike } from './protocol';
import { transferables } from './transferables';

export interface AnalysisRun {
  result: AnalyzeResult;
  mode: 'worker' | 'main-thread';
  /** Set when the analysis ran on the main thread, explaining why. */
  notice?: string;
}

export interface RunOptions {
  /** Jobs with the same key replace each other: the newer one cancels the older. */
  key?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number, stage: string) => void;
}

/** Rejection reason of a cancelled job; callers usually ignore it. */
export class AnalysisCancelled extends Error {
  constructor(reason: string) {
    super(`analysis cancelled: ${reason}`);
    this.name = 'AnalysisCancelled';
  }
}

interface Job {
  id: number;
  key?: string;
  request: AnalyzeRequest;
  options: RunOptions;
  resolve: (run: AnalysisRun) => void;
  reject: (error: Error) => void;
  onAbort?: () => void;
}

export interface ClientOptions {
  /**
   * Logical processors the page may use (default `navigator.hardwareConcurrency`): the helper worker
   * starts only with more than one, as it would otherwise take turns with the analysis worker on one core.
   */
  cores?: () => number;
}

/**
 * The longest series of a request, in values: with the series count, the size of its correlation matrix's
 * Gram product, near enough to decide whether a helper would ever be used (alignment may shorten it).
 */
function longestSeries(request: AnalyzeRequest): number {
  let longest = 0;
  for (const s of Array.isArray(request.series) ? request.series : []) {
    longest = Math.max(longest, s?.values?.length ?? 0);
  }
  return longest;
}

function browserCores(): number {
  return typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
}

const WORKER_START_TIMEOUT_MS = 15_000;

export const MAIN_THREAD_NOTICE =
  'InfraDrift computed this analysis on the main thread because the browser refused to start a Web Worker ' +
  '(often a Content-Security-Policy without "worker-src blob:"). Large queries may freeze the dashboard; ' +
  "allow blob: workers in Grafana's content_security_policy_template to fix it.";

/**
 * The engine for the main-thread fallback, loaded only when a worker cannot run: the same `engine` chunk
 * the worker loads (keep the chunk name in step with analysis.worker.ts; docs/worker.md).
 */
async function analyzeLazily(request: AnalyzeRequest, hooks: AnalyzeHooks): Promise<AnalyzeResult> {
  const { analyze } = await import(/* webpackChunkName: "engine" */ '../stats');
  return analyze(request, hooks);
}

export class AnalysisClient {
  private worker?: WorkerLike;
  /** True once the worker has said 'ready': only then are buffers transferred (see pump). */
  private workerReady = false;
  private startTimer?: ReturnType<typeof setTimeout>;
  private workerFailed?: string;
  /** The analysis worker's helper: the same script, serving Gram blocks on a channel to the worker. */
  private helper?: HelperWorker;
  /** Why there is no helper from now on (one failed, or a single core). */
  private noHelper?: string;
  private readonly queue: Job[] = [];
  private running?: Job;
  private nextId = 1;

  private readonly cores: () => number;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly runLocally: (
      request: AnalyzeRequest,
      hooks: AnalyzeHooks
    ) => Promise<AnalyzeResult> = analyzeLazily,
    options: ClientOptions = {}
  ) {
    this.cores = options.cores ?? browserCores;
  }

  run(request: AnalyzeRequest, options: RunOptions = {}): Promise<AnalysisRun> {
    return new Promise<AnalysisRun>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new AnalysisCancelled('aborted before start'));
        return;
      }
      if (options.key) {
        this.cancelWhere((job) => job.key === options.key, 'replaced by a newer query');
      }
      const job: Job = { id: this.nextId++, key: options.key, request, options, resolve, reject };
      if (options.signal) {
        job.onAbort = () => this.cancelWhere((j) => j === job, 'unsubscribed');
        options.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /**
   * Starts the worker now, so that loading the engine overlaps with fetching the data: a caller about to
   * query upstream sources calls this first. Idempotent; a worker that cannot start changes nothing. (Not
   * the helper: see startHelper.)
   */
  warmUp(): void {
    this.ensureWorker();
  }

  /** Number of jobs waiting or running (for tests and diagnostics). */
  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  private cancelWhere(match: (job: Job) => boolean, reason: string) {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (match(this.queue[i])) {
        this.settle(this.queue.splice(i, 1)[0], new AnalysisCancelled(reason));
      }
    }
    if (this.running && match(this.running)) {
      const job = this.running;
      this.running = undefined;
      // The worker is busy inside analyze(); only terminating it stops the work. Its helper goes with
      // it (it may be computing a block for that job); the next job starts both again.
      clearTimeout(this.startTimer);
      this.worker?.terminate();
      this.worker = undefined;
      this.workerReady = false;
      this.stopHelper();
      this.settle(job, new AnalysisCancelled(reason));
      this.pump();
    }
  }

  private settle(job: Job, outcome: AnalysisRun | Error) {
    if (job.onAbort) {
      job.options.signal?.removeEventListener('abort', job.onAbort);
    }
    if (outcome instanceof Error) {
      job.reject(outcome);
    } else {
      job.resolve(outcome);
    }
  }

  private pump() {
    if (this.running || this.queue.length === 0) {
      return;
    }
    const worker = this.ensureWorker();
    if (worker && !this.workerReady) {
      // Transferring detaches the caller's buffers, so a job waits until the worker has proven it runs;
      // a worker that fails to load (CSP, 404) then leaves the data intact for the main-thread fallback.
      // 'ready' or 'error' calls pump() again.
      return;
    }
    const job = this.queue.shift()!;
    this.running = job;
    if (!worker) {
      // Yield once so the page can paint "loading" before a long synchronous computation.
      setTimeout(() => this.runOnMainThread(job), 0);
      return;
    }
    const large = worthSplitting(job.request.series?.length ?? 0, longestSeries(job.request));
    worker.postMessage({ type: 'analyze', id: job.id, request: job.request }, transferables(job.request));
    if (large) {
      this.startHelper(worker);
    }
  }

  private async runOnMainThread(job: Job) {
    if (this.running !== job) {
      return; // cancelled meanwhile
    }
    try {
      const result = await this.runLocally(job.request, { onProgress: job.options.onProgress });
      if (this.running === job) {
        this.running = undefined;
        this.settle(job, { result, mode: 'main-thread', notice: `${MAIN_THREAD_NOTICE} (${this.workerFailed})` });
      }
    } catch (error) {
      if (this.running === job) {
        this.running = undefined;
        this.settle(job, error instanceof Error ? error : new Error(String(error)));
      }
    }
    this.pump();
  }

  private ensureWorker(): WorkerLike | undefined {
    if (this.worker || this.workerFailed) {
      return this.worker;
    }
    try {
      const worker = this.createWorker();
      worker.addEventListener('message', (event: Event) =>
        this.onMessage(worker, (event as MessageEvent<FromWorker>).data)
      );
      worker.addEventListener('error', (event: Event) => this.onWorkerError(worker, event));
      this.worker = worker;
      // A worker that neither starts nor fails (seen with some proxies) must not hold jobs forever.
      this.startTimer = setTimeout(() => {
        if (this.worker === worker && !this.workerReady) {
          this.onWorkerError(worker, {
            message: `the worker did not start within ${WORKER_START_TIMEOUT_MS / 1000} s`,
          } as ErrorEvent);
        }
      }, WORKER_START_TIMEOUT_MS);
    } catch (error) {
      this.workerFailed = error instanceof Error ? error.message : String(error);
    }
    return this.worker;
  }

  /**
   * Starts the helper once the worker has a job whose correlation matrix is large enough for the engine to
   * split (worthSplitting): another instance of the same script. WHY then and not with the worker: on a
   * two-core machine a helper loading its engine while the page fetches and parses the data and the worker
   * loads its own takes a core from both (the data source benchmark's query grew by 30 ms); once a job
   * runs, the page waits and the second core is free. That job runs without it, the following ones (a
   * dashboard's refreshes, an incident's next window) with it. Never for the main-thread fallback, and
   * never again once one has failed.
   */
  private startHelper(worker: WorkerLike) {
    if (this.helper || this.noHelper !== undefined) {
      return;
    }
    if (!(this.cores() > 1)) {
      this.noHelper = 'a single core';
      return;
    }
    try {
      const helper: HelperWorker = new HelperWorker(this.createWorker(), WORKER_START_TIMEOUT_MS, (reason) => {
        if (this.helper === helper) {
          this.helper = undefined;
          this.noHelper = reason;
        }
      });
      this.helper = helper;
      helper.attach(worker);
    } catch (error) {
      this.noHelper = error instanceof Error ? error.message : String(error);
    }
  }

  private stopHelper() {
    this.helper?.stop();
    this.helper = undefined;
  }

  private onMessage(worker: WorkerLike, message: FromWorker) {
    if (worker === this.worker && message.type === 'ready') {
      this.workerReady = true;
      clearTimeout(this.startTimer);
      this.pump();
      return;
    }
    const job = this.running;
    if (worker !== this.worker || !job || message.type === 'ready' || message.id !== job.id) {
      return;
    }
    if (message.type === 'progress') {
      job.options.onProgress?.(message.fraction, message.stage);
      return;
    }
    this.running = undefined;
    if (message.type === 'error') {
      this.settle(job, new Error(message.message));
    } else {
      // The matrices and their reasons arrive as typed arrays (their buffers transferred): nothing to unpack.
      this.settle(job, { result: message.result, mode: 'worker' });
    }
    this.pump();
  }

  /**
   * A worker that fails to load (CSP blocking importScripts, a 404 on the chunk) reports an error event
   * instead of throwing: from then on the client computes on the main thread.
   */
  private onWorkerError(worker: WorkerLike, event: Event) {
    if (worker !== this.worker) {
      return;
    }
    const message = (event as ErrorEvent).message || 'the worker script failed to load';
    clearTimeout(this.startTimer);
    this.worker.terminate();
    this.worker = undefined;
    this.workerReady = false;
    this.workerFailed = message;
    // The main thread computes from now on, without a helper.
    this.stopHelper();
    const job = this.running;
    if (job) {
      // The job never ran to completion in the worker: run it here instead.
      setTimeout(() => this.runOnMainThread(job), 0);
    } else {
      this.pump();
    }
  }
}
