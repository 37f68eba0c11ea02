/** Lag frames: one cross-correlation curve per pair (docs/frames.md, "Lags"). */
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { finiteOrNull, type AnalyzeResult } from '../../stats';
import { FRAME_CONTRACT_VERSION, FrameKind, LagField, LagMeta } from '../frameContract';
import { seriesNames, signalLookup, type FrameOptions } from './options';

export function lagFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const lags = result.lags;
  if (!lags) {
    return [];
  }
  const nameOf = seriesNames(result);
  const stepS = lags.stepMs / 1000;
  const infoOf = signalLookup(opts.signals);
  return lags.pairs
    .filter((pair) => pair.r)
    .map((pair) => {
      const lagValues = pair.r!.map((_, idx) => (idx - lags.maxLag) * stepS);
      const band = pair.band;
      const custom: LagMeta = {
        kind: FrameKind.Lag,
        version: FRAME_CONTRACT_VERSION,
        a: nameOf(pair.a),
        b: nameOf(pair.b),
        bestLagSeconds: pair.bestLag === null ? null : pair.bestLag * stepS,
        bestR: pair.bestR,
        band,
        n: pair.n,
        nEff: pair.nEff,
        stepMs: lags.stepMs,
        lagConvention: lags.convention,
        pBestLag: pair.pBestLag ?? null,
        qBestLag: pair.qBestLag ?? null,
        effectiveLags: pair.effectiveLags ?? null,
        atEdge: pair.atEdge === true,
        alpha: lags.alpha,
        maxLag: lags.maxLag,
      };
      const a = infoOf(pair.a).provenance;
      const b = infoOf(pair.b).provenance;
      if (a || b) {
        custom.provenance = { a, b };
      }
      return createDataFrame({
        refId: opts.refId,
        name: `${custom.a} → ${custom.b}`,
        meta: { preferredVisualisationType: 'table', custom },
        fields: [
          { name: LagField.Lag, type: FieldType.number, values: lagValues, config: { unit: 's' } },
          {
            name: LagField.R,
            type: FieldType.number,
            values: pair.r!.map(finiteOrNull),
            config: { min: -1, max: 1, displayName: `r(${custom.a}, ${custom.b})` },
          },
          {
            name: LagField.BandLow,
            type: FieldType.number,
            values: lagValues.map(() => (band === null ? null : -band)),
          },
          { name: LagField.BandHigh, type: FieldType.number, values: lagValues.map(() => band) },
        ],
      });
    });
}
