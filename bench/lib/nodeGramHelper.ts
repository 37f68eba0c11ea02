import * as path from 'path';
import { MessageChannel, Worker } from 'worker_threads';
import type { GramBlockJob, GramBlockResult, GramHelper } from '../../src/stats';
import { PortGramHelper } from '../../src/worker/portGramHelper';
import type { GramPort } from '../../src/worker/protocol';

/**
 * A GramHelper on a Node worker thread (gramHelperThread.ts), for the two-worker benchmark rows: the
 * plugin's own channel code (PortGramHelper here, serveGramBlocks there) over a MessageChannel between
 * the two threads. As in the browser, the rows go over by postMessage (transferred, not shared): Grafana's
 * pages are not cross-origin isolated, so the plugin has no SharedArrayBuffer, and the benchmark measures
 * what the plugin can do.
 */
export class NodeGramHelper implements GramHelper {
  private readonly worker: Worker;
  private readonly channel: PortGramHelper;

  constructor() {
    // The thread loads TypeScript through tsx's CommonJS hook, as the benchmark does (a worker does not
    // inherit tsx's loader); V8's flags (relaxed SIMD) are process-wide, so the thread has them already.
    const entry = path.join(__dirname, 'gramHelperThread.ts');
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
    this.worker = new Worker(boot, { eval: true });
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage(port2, [port2]);
    this.channel = new PortGramHelper(port1 as unknown as GramPort);
    this.worker.on('error', (e) => this.channel.close(e.message));
  }

  gram(job: GramBlockJob): Promise<GramBlockResult> {
    return this.channel.gram(job);
  }

  /** A first job compiles the kernel and the thread's code before anything is timed. */
  async warmUp(): Promise<void> {
    await this.gram({ rows: new Float64Array(64 * 64).fill(1 / 8), count: 64, len: 64 });
  }

  /** Closes the channel and stops the thread (the open channel would otherwise keep the process alive). */
  close(): Promise<number> {
    this.channel.close('the benchmark is done');
    return this.worker.terminate();
  }
}
