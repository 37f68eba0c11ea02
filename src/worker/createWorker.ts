import { CorsWorker as Worker } from './corsWorker';

/**
 * Starts the analysis worker. Written exactly as `new Worker(new URL(..., import.meta.url))` so that
 * webpack emits the worker as its own chunk next to the plugin's module.js. Kept alone in this module
 * because jest (CommonJS) cannot parse `import.meta`; tests mock this factory.
 */
export function createAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url));
}
