/**
 * jsdom has no Worker: this stand-in speaks the worker protocol (src/worker/protocol.ts) and runs the
 * real engine in-process, asynchronously, so the data source's worker path is exercised in jest.
 * The real worker is tested in Chromium.
 */
import { analyze } from '../../src/stats';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

export class InProcessWorker {
  private listeners: Array<(event: { data: FromWorker }) => void> = [];
  terminated = false;
  posted = 0;
  transferred = 0;

  addEventListener(type: string, listener: (event: { data: FromWorker }) => void) {
    if (type === 'message') {
      this.listeners.push(listener);
      // Like the real worker, say 'ready' once it has started.
      setTimeout(() => listener({ data: { type: 'ready' } }), 0);
    }
  }

  postMessage(message: ToWorker, transfer?: Transferable[]) {
    if (message.type !== 'analyze') {
      return; // the channel to a helper worker: this stand-in computes alone
    }
    this.posted++;
    this.transferred += transfer?.length ?? 0;
    setTimeout(() => {
      if (this.terminated) {
        return;
      }
      const result = analyze(message.request);
      this.listeners.forEach((l) => l({ data: { type: 'result', id: message.id, result } }));
    }, 0);
  }

  terminate() {
    this.terminated = true;
  }
}
