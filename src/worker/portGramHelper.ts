/**
 * The analysis worker's side of the Gram channel: the engine's GramHelper, answered by the helper worker
 * (gramServer.ts) over a MessagePort. The buffers go over transferred, not copied, and come back with
 * the answer (the engine reuses them); nothing is shared (docs/worker.md, "Two workers").
 */
import type { GramBlockJob, GramBlockResult, GramHelper } from '../stats';
import type { FromGramServer, GramPort, ToGramServer } from './protocol';
import { buffersOf } from './transferables';

interface Pending {
  resolve: (result: GramBlockResult) => void;
  reject: (error: Error) => void;
}

export class PortGramHelper implements GramHelper {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Why the helper is gone, once it is: later jobs reject at once and the engine computes them itself. */
  private gone?: string;

  constructor(private readonly port: GramPort) {
    port.addEventListener('message', (event) => this.onReply((event as MessageEvent<FromGramServer>).data));
    // A port listened to with addEventListener delivers nothing until started.
    port.start();
  }

  gram(job: GramBlockJob): Promise<GramBlockResult> {
    if (this.gone !== undefined) {
      return Promise.reject(this.goneError());
    }
    const id = this.nextId++;
    return new Promise<GramBlockResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ToGramServer = { type: 'gram', id, job };
      try {
        this.port.postMessage(message, buffersOf([job.rows, job.into]));
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /**
   * The helper worker failed or was stopped: jobs waiting for it reject (the engine then computes their
   * part itself, so the analysis still completes), and so does every later one. Safe to call twice.
   */
  close(reason: string): void {
    this.gone ??= reason;
    const error = this.goneError();
    this.pending.forEach((p) => p.reject(error));
    this.pending.clear();
    this.port.close();
  }

  private goneError(): Error {
    return new Error(`the helper worker is gone: ${this.gone}`);
  }

  private onReply(message: FromGramServer) {
    const waiting = this.pending.get(message.id);
    if (!waiting) {
      return; // answered after close()
    }
    this.pending.delete(message.id);
    if (message.type === 'gram-result') {
      waiting.resolve(message.result);
    } else {
      waiting.reject(new Error(message.message));
    }
  }
}
