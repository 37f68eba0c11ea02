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
import { matrixFrame } from './matrixFrame';
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
