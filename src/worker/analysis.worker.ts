/**
 * The analysis worker: runs `analyze` off the main thread so a dashboard stays responsive while
 * hundreds of series are correlated. One job at a time; the client cancels a running job by
 * terminating this worker (a busy worker cannot read a cancel message until it is done).
 *
 * The engine is not part of this chunk: it is the `engine` chunk that the main-thread fallback also
 * loads (one copy in the package, docs/worker.md). The worker says `ready` only once the engine has
 * loaded, so the client never transfers a job's buffers to a worker that cannot run it.
 */
import './workerPublicPath';
import type { AnalyzeRequest } from '../stats';
import type { FromWorker, ToWorker } from './protocol';
import { resultTransferables } from './resultTransfer';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

/** Progress messages are throttled: the page needs a few per second, not one per loop. */
const PROGRESS_INTERVAL_MS = 100;

type Analyze = typeof import('../stats').analyze;

function runJob(analyze: Analyze, id: number, request: AnalyzeRequest) {
  let lastProgress = 0;
  try {
    const result = analyze(request, {
      onProgress: (fraction, stage) => {
        const now = Date.now();
        if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = now;
          scope.postMessage({ type: 'progress', id, fraction, stage });
        }
      },
    });
    const transfer = resultTransferables(result);
    scope.postMessage({ type: 'result', id, result }, transfer);
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}

import(/* webpackChunkName: "engine" */ '../stats').then(
  ({ analyze }) => {
    scope.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'analyze') {
        runJob(analyze, message.id, message.request);
      }
    };
    scope.postMessage({ type: 'ready' });
  },
  (error: unknown) => {
    // A rejected promise does not reach the page; an uncaught error does, as the worker's 'error'
    // event, and the client then computes on the main thread.
    setTimeout(() => {
      throw error;
    }, 0);
  }
);
