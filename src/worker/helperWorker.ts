/**
 * The analysis worker's helper, as the page runs it: a second instance of the same worker script, started
 * with the analysis worker, joined to it by a MessageChannel once both have said 'ready' (a worker's
 * messages before that would be lost), and dropped for good when it fails (docs/worker.md, "Two workers").
 */
import type { FromWorker, ToWorker, WorkerLike } from './protocol';

export class HelperWorker {
  private ready = false;
  /** The analysis worker, once it has said 'ready'. */
  private analysis?: WorkerLike;
  /** True once the two workers hold the ends of their channel. */
  private connected = false;
  private stopped = false;
  private readonly timer: ReturnType<typeof setTimeout>;

  /**
   * Watches a helper worker just created. `onFailed` hears, once, why it is gone: it failed to load,
   * failed later, or did not say 'ready' in time.
   */
  constructor(
    private readonly worker: WorkerLike,
    startTimeoutMs: number,
    private readonly onFailed: (reason: string) => void
  ) {
    worker.addEventListener('message', (event: Event) => {
      if ((event as MessageEvent<FromWorker>).data.type === 'ready' && !this.stopped) {
        this.ready = true;
        clearTimeout(this.timer);
        this.connect();
      }
    });
    worker.addEventListener('error', (event: Event) =>
      this.fail((event as ErrorEvent).message || 'the helper worker failed')
    );
    this.timer = setTimeout(() => {
      if (!this.ready) {
        this.fail(`the helper worker did not start within ${startTimeoutMs / 1000} s`);
      }
    }, startTimeoutMs);
  }

  /** The analysis worker has said 'ready': it gets its end of the channel as soon as the helper is ready too. */
  attach(analysis: WorkerLike): void {
    this.analysis = analysis;
    this.connect();
  }

  /** Terminates the helper (the analysis worker was terminated, or this one failed). Idempotent. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.worker.terminate();
  }

  private connect() {
    if (!this.analysis || !this.ready || this.connected || this.stopped) {
      return;
    }
    let channel: MessageChannel;
    try {
      channel = new MessageChannel();
    } catch (error) {
      this.fail(`no channel between the workers: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.worker.postMessage({ type: 'serve-gram', port: channel.port2 } satisfies ToWorker, [channel.port2]);
    this.analysis.postMessage({ type: 'gram-helper', port: channel.port1 } satisfies ToWorker, [channel.port1]);
    this.connected = true;
  }

  /**
   * The analysis worker may be waiting for a block: told that the helper is gone, it computes that part
   * itself, and the job completes.
   */
  private fail(reason: string) {
    if (this.stopped) {
      return;
    }
    if (this.connected) {
      this.analysis?.postMessage({ type: 'gram-helper-gone', reason } satisfies ToWorker);
    }
    this.stop();
    this.onFailed(reason);
  }
}
