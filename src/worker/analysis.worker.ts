/**
 * The analysis worker: runs `analyze` off the main thread so a dashboard stays responsive while
 * hundreds of series are correlated. One job at a time; the client cancels a running job by
 * terminating this worker (a busy worker cannot read a cancel message until it is done).
 */
import { analyze } from '../stats';
import type { FromWorker, ToWorker } from './protocol';
import { packResult } from './resultTransfer';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

/** Progress messages are throttled: the page needs a few per second, not one per loop. */
const PROGRESS_INTERVAL_MS = 100;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type !== 'analyze') {
    return;
  }
  const { id, request } = message;
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
    const transfer = packResult(result);
    scope.postMessage({ type: 'result', id, result }, transfer);
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};

scope.postMessage({ type: 'ready' });
