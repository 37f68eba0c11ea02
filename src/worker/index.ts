import { AnalysisClient } from './analysisClient';
import { createAnalysisWorker } from './createWorker';

export {
  AnalysisCancelled,
  AnalysisClient,
  MAIN_THREAD_NOTICE,
  type AnalysisRun,
  type RunOptions,
} from './analysisClient';

/**
 * The data source and each panel are separate bundles (separate module instances), yet the page
 * should run one analysis worker: the client lives on the global object under a registered symbol.
 */
const KEY = Symbol.for('infradrift.analysisClient');

export function getAnalysisClient(): AnalysisClient {
  const holder = globalThis as unknown as Record<symbol, AnalysisClient | undefined>;
  holder[KEY] ??= new AnalysisClient(createAnalysisWorker);
  return holder[KEY]!;
}
