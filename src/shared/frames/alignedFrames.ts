/** Aligned frames: the engine's inputs on the common grid, after transforms (docs/frames.md, "Aligned series"). */
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { finiteOrNull, type AnalyzeResult } from '../../stats';
import { AlignedMeta, FRAME_CONTRACT_VERSION, FrameKind } from '../frameContract';
import { gridTimes, signalLookup, withProvenance, type FrameOptions } from './options';

export function alignedFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const times = result.grid?.timestamps ?? gridTimes(result);
  const infoOf = signalLookup(opts.signals);
  return result.series
    .filter((s) => s.values)
    .map((s) => {
      const info = infoOf(s.id);
      const custom: AlignedMeta = {
        kind: FrameKind.Aligned,
        version: FRAME_CONTRACT_VERSION,
        role: info.role,
        transforms: s.transforms,
        ...withProvenance(info.provenance),
      };
      return createDataFrame({
        refId: opts.refId,
        name: s.name,
        meta: { preferredVisualisationType: 'graph', custom },
        fields: [
          { name: 'Time', type: FieldType.time, values: times },
          {
            name: 'Value',
            type: FieldType.number,
            values: s.values!.map(finiteOrNull),
            labels: info.labels,
            config: { displayName: s.name },
          },
        ],
      });
    });
}
