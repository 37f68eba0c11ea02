import * as path from 'path';
import { Worker } from 'worker_threads';
import type { GramBlockJob, GramBlockResult, GramHelper } from '../../src/stats';

/**
 * A GramHelper on a Node worker thread (gramHelperThread.ts), for the two-worker benchmark rows. As in the
 * browser, the rows go over by postMessage (transferred, not shared): Grafana's pages are not cross-origin
 * isolated, so the plugin has no SharedArrayBuffer, and the benchmark measures what the plugin can do.
 */
export class NodeGramHelper implements GramHelper {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: GramBlockResult) => void; reject: (e: Error) => void }>();

  constructor() {
    // The thread loads TypeScript through tsx's CommonJS hook, as the benchmark does (a worker does not
    // inherit tsx's loader); V8's flags (relaxed SIMD) are process-wide, so the thread has them already.
    const entry = path.join(__dirname, 'gramHelperThread.ts');
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
    this.worker = new Worker(boot, { eval: true });
    this.worker.on('message', (m: { id: number; result?: GramBlockResult; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      this.holdProcess();
      if (m.result) {
        p?.resolve(m.result);
      } else {
        p?.reject(new Error(m.error ?? 'no block'));
      }
    });
    this.worker.on('error', (e) => {
      this.pending.forEach((p) => p.reject(e));
      this.pending.clear();
      this.holdProcess();
    });
    this.holdProcess();
  }

  gram(job: GramBlockJob): Promise<GramBlockResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.holdProcess();
      const buffers = job.into ? [job.rows.buffer, job.into.buffer] : [job.rows.buffer];
      this.worker.postMessage({ id, job }, buffers as ArrayBuffer[]);
    });
  }

  /** The thread keeps the process alive only while a job is out (an idle helper never blocks exit). */
  private holdProcess(): void {
    if (this.pending.size > 0) {
      this.worker.ref();
    } else {
      this.worker.unref();
    }
  }

  /** A first job compiles the kernel and the thread's code before anything is timed. */
  async warmUp(): Promise<void> {
    await this.gram({ rows: new Float64Array(64 * 64).fill(1 / 8), count: 64, len: 64 });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
