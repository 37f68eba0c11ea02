import { AnalysisClient } from './analysisClient';
import { createAnalysisWorker } from './createWorker';

export { AnalysisCancelled, AnalysisClient, MAIN_THREAD_NOTICE, type AnalysisRun, type RunOptions } from './analysisClient';

let client: AnalysisClient | undefined;

/** The page's one analysis client (and so one worker), created on first use. */
export function getAnalysisClient(): AnalysisClient {
  client ??= new AnalysisClient(createAnalysisWorker);
  return client;
}
