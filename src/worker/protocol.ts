/** Messages between the page and the analysis worker, and between the two workers. Plain data and ports only. */
import type { AnalyzeRequest, AnalyzeResult, GramBlockJob, GramBlockResult } from '../stats';

/**
 * From the page to a worker. The page starts the same script twice: the analysis worker runs jobs, and a
 * helper worker computes part of a large correlation matrix for it (docs/worker.md, "Two workers").
 * - `analyze`: a job, for the analysis worker.
 * - `gram-helper`: the analysis worker's end of the channel to the helper worker.
 * - `gram-helper-gone`: the helper failed or was stopped; the analysis worker computes on its own from now on.
 * - `serve-gram`: the helper worker's end of that channel; it answers Gram block jobs on it.
 */
export type ToWorker =
  | { type: 'analyze'; id: number; request: AnalyzeRequest }
  | { type: 'gram-helper'; port: MessagePort }
  | { type: 'gram-helper-gone'; reason: string }
  | { type: 'serve-gram'; port: MessagePort };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number; stage: string }
  | { type: 'result'; id: number; result: AnalyzeResult }
  | { type: 'error'; id: number; message: string };

/** From the analysis worker to the helper worker, over their channel (the buffers transferred). */
export type ToGramServer = { type: 'gram'; id: number; job: GramBlockJob };

/** The helper worker's answer to a `gram` job: the block (buffers transferred back) or why there is none. */
export type FromGramServer =
  { type: 'gram-result'; id: number; result: GramBlockResult } | { type: 'gram-error'; id: number; message: string };

/** The part of a MessagePort the Gram channel uses (a DOM port in the browser, Node's in tests). */
export type GramPort = Pick<MessagePort, 'postMessage' | 'addEventListener' | 'start' | 'close'>;

/** The part of a Worker the page uses (tests pass fakes). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;
