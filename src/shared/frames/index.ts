/**
 * Turns an engine result into the data frames documented in docs/frames.md, one module per frame
 * kind. Used by the data source (query results) and by the panels when they compute from plain time
 * series themselves, so there is one conversion path and one format.
 */
import { DataFrame, createDataFrame } from '@grafana/data';
import type { AnalyzeResult } from '../../stats';
import { FrameKind, FrameKindValue } from '../frameContract';
import { alignedFrames } from './alignedFrames';
import { driftFrames } from './driftFrames';
import { lagFrames } from './lagFrames';
import { matrixColumn, matrixColumnSources, matrixFrame } from './matrixFrame';
import { nextTask } from '../nextTask';
import { warningNotices } from './notices';
import type { FrameOptions } from './options';

export type { FrameOptions } from './options';
export { warningNotices } from './notices';
export { cellSources, signalProvenance, type SignalSource } from './provenance';
export {
  readVerdictFrame,
  verdictFrame,
  type VerdictFrameData,
  type VerdictFrameOptions,
  type VerdictRow,
} from './verdictFrame';

/**
 * resultToFrames for the page, in short tasks: the matrix frame's columns come first, one per task (each
 * is a pass over N*N cells that boxes every number: ~5 ms at 500 signals, ten times that at 1000), then
 * the frames in a task of their own. The result's matrices arrive from the worker as they are, so this
 * is where they become Grafana's arrays with null.
 */
export async function resultToFramesInTasks(result: AnalyzeResult, opts: FrameOptions): Promise<DataFrame[]> {
  const columns = new Map<Float64Array, Array<number | null>>();
  if (!opts.kinds || opts.kinds.includes(FrameKind.Matrix)) {
    for (const values of matrixColumnSources(result)) {
      await nextTask();
      columns.set(values, matrixColumn(values, opts));
    }
  }
  await nextTask();
  return resultToFrames(result, { ...opts, columns });
}

export function resultToFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const wanted = (kind: FrameKindValue) => !opts.kinds || opts.kinds.includes(kind);
  const frames: DataFrame[] = [];
  const matrix = wanted(FrameKind.Matrix) ? matrixFrame(result, opts) : undefined;
  if (matrix) {
    frames.push(matrix);
  }
  if (wanted(FrameKind.Lag)) {
    frames.push(...lagFrames(result, opts));
  }
  if (wanted(FrameKind.Drift)) {
    frames.push(...driftFrames(result, opts));
  }
  if (opts.aligned && wanted(FrameKind.Aligned)) {
    frames.push(...alignedFrames(result, opts));
  }
  const notices = [...(opts.notices ?? []), ...warningNotices(result.warnings)];
  if (notices.length) {
    if (frames.length === 0) {
      frames.push(createDataFrame({ refId: opts.refId, name: 'InfraDrift notices', fields: [] }));
    }
    frames[0].meta = { ...frames[0].meta, notices: [...(frames[0].meta?.notices ?? []), ...notices] };
  }
  return frames;
}
