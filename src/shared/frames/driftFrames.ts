/** Drift frames: one time series of drift scores per histogram and method (docs/frames.md, "Drift"). */
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { driftSeriesId, driftSeriesName, finiteOrNull, type AnalyzeResult } from '../../stats';
import { DriftMeta, FRAME_CONTRACT_VERSION, FrameKind } from '../frameContract';
import { gridTimes, signalLookup, withProvenance, type FrameOptions } from './options';

export function driftFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const times = gridTimes(result);
  const infoOf = signalLookup(opts.signals);
  return (result.drift?.series ?? []).flatMap((s) =>
    s.methods.map((m) => {
      const custom: DriftMeta = {
        kind: FrameKind.Drift,
        version: FRAME_CONTRACT_VERSION,
        signal: s.name,
        method: m.method,
        baseline: JSON.stringify(s.baseline),
        latest: m.latest?.score ?? null,
        level: m.latest?.level ?? null,
        thresholds: m.threshold ? { moderate: m.threshold.moderate, significant: m.threshold.significant } : null,
        ...withProvenance(infoOf(driftSeriesId(s.id, m.method)).provenance),
      };
      return createDataFrame({
        refId: opts.refId,
        name: driftSeriesName(s.name, m.method),
        meta: { preferredVisualisationType: 'graph', custom },
        fields: [
          { name: 'Time', type: FieldType.time, values: times },
          {
            name: m.method,
            type: FieldType.number,
            values: m.scores.map(finiteOrNull),
            labels: { signal: s.name, method: m.method },
            config: { displayName: driftSeriesName(s.name, m.method) },
          },
        ],
      });
    })
  );
}
