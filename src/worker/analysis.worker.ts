/**
 * The analysis worker: runs `analyze` off the main thread so a dashboard stays responsive while
 * hundreds of series are correlated. One job at a time; the client cancels a running job by
 * terminating this worker (a busy worker cannot read a cancel message until it is done).
 *
 * The page may start this script a second time as the analysis worker's helper: it then serves the
 * Gram blocks of large correlation matrices on a channel to the analysis worker, which, while it has
 * that channel, runs `analyzeSplit` instead of `analyze` (docs/worker.md, "Two workers").
 *
 * The engine is not part of this chunk: it is the `engine` chunk that the main-thread fallback also
 * loads (one copy in the package, docs/worker.md). The worker says `ready` only once the engine has
 * loaded, so the client never transfers a job's buffers to a worker that cannot run it.
 */
import './workerPublicPath';
import type { AnalyzeRequest } from '../stats';
import type { FromWorker, ToWorker } from './protocol';
import { serveGramBlocks } from './gramServer';
import { PortGramHelper } from './portGramHelper';
import { resultTransferables } from './resultTransfer';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

/** Progress messages are throttled: the page needs a few per second, not one per loop. */
const PROGRESS_INTERVAL_MS = 100;

type Engine = typeof import('../stats');

/** The channel to the helper worker, while there is one. */
let helper: PortGramHelper | undefined;

async function runJob(engine: Engine, id: number, request: AnalyzeRequest) {
  let lastProgress = 0;
  const hooks = {
    onProgress: (fraction: number, stage: string) => {
      const now = Date.now();
      if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        scope.postMessage({ type: 'progress', id, fraction, stage });
      }
    },
  };
  try {
    // While analyzeSplit waits for the helper, this worker still reads messages (gram-helper-gone).
    const result = helper ? await engine.analyzeSplit(request, hooks, helper) : engine.analyze(request, hooks);
    const transfer = resultTransferables(result);
    scope.postMessage({ type: 'result', id, result }, transfer);
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}

function onMessage(engine: Engine, message: ToWorker) {
  switch (message.type) {
    case 'analyze':
      void runJob(engine, message.id, message.request);
      break;
    case 'gram-helper':
      helper?.close('replaced');
      helper = new PortGramHelper(message.port);
      break;
    case 'gram-helper-gone':
      helper?.close(message.reason);
      helper = undefined;
      break;
    case 'serve-gram':
      serveGramBlocks(message.port, engine.gramBlock);
      break;
  }
}

import(/* webpackChunkName: "engine" */ '../stats').then(
  (engine) => {
    scope.onmessage = (event) => onMessage(engine, event.data);
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
