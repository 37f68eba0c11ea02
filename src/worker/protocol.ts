/** Messages between the page and the analysis worker. Plain data only (structured clone). */
import type { AnalyzeRequest, AnalyzeResult } from '../stats';

export type ToWorker = { type: 'analyze'; id: number; request: AnalyzeRequest };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number; stage: string }
  | { type: 'result'; id: number; result: AnalyzeResult }
  | { type: 'error'; id: number; message: string };
