/**
 * Turns an engine result into the data frames documented in docs/frames.md. Used by the data source
 * (query results) and by the panels when they compute from plain time series themselves, so there is
 * one conversion path and one format.
 */
import { DataFrame, FieldType, createDataFrame, QueryResultMetaNotice } from '@grafana/data';
import type { AnalyzeResult, EngineWarning } from '../stats/contract';
import {
  DriftMeta,
  FRAME_CONTRACT_VERSION,
  FrameKind,
  LagField,
  LagMeta,
  MatrixField,
  MatrixMeta,
  SignalInfo,
} from './frameContract';

export interface FrameOptions {
  refId: string;
  /** Signals in the order of the result's series ids (`result.series[i].id` = name). */
  signals: SignalInfo[];
  /** Include aligned inputs as time series frames (needs `includeAligned` in the request). */
  aligned?: boolean;
  /** Extra notices (e.g. failed signal queries, main-thread fallback). */
  notices?: QueryResultMetaNotice[];
}

const toNumber = (v: number | null | undefined) => (v === null || v === undefined ? null : v);

function signalFor(signals: SignalInfo[], id: string): SignalInfo {
  return signals.find((s) => s.name === id) ?? { name: id, role: id.startsWith('drift:') ? 'model' : 'infra', signal: '', labels: {} };
}

function matrixFrame(result: AnalyzeResult, opts: FrameOptions): DataFrame | undefined {
  const useP = result.partial && result.partial.ids.length > 0;
  const corr = result.correlation;
  if (!corr && !useP) {
    return undefined;
  }
  const ids = useP ? result.partial!.ids : corr!.ids;
  const nameOf = (id: string) => result.series.find((s) => s.id === id)?.name ?? id;
  const signals = ids.map((id) => ({ ...signalFor(opts.signals, id), name: nameOf(id) }));
  const N = ids.length;
  const lagIds = result.lags?.ids;
  const stepS = (result.lags?.stepMs ?? result.grid?.stepMs ?? 0) / 1000;
  const cols: Record<string, unknown[]> = Object.fromEntries(Object.values(MatrixField).map((f) => [f, []]));
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const k = i * N + j;
      cols[MatrixField.Row].push(signals[i].name);
      cols[MatrixField.Column].push(signals[j].name);
      if (useP) {
        const p = result.partial!;
        cols[MatrixField.R].push(toNumber(p.r[k]));
        cols[MatrixField.P].push(toNumber(p.p[k]));
        cols[MatrixField.Q].push(null); // no FDR over partial p-values yet: shown as "not adjusted"
        cols[MatrixField.N].push(p.n[k] ?? null);
        cols[MatrixField.NEff].push(null);
        cols[MatrixField.CiLow].push(null);
        cols[MatrixField.CiHigh].push(null);
        cols[MatrixField.Reason].push(p.reason[k] ?? '');
      } else {
        cols[MatrixField.R].push(toNumber(corr!.r[k]));
        cols[MatrixField.P].push(toNumber(corr!.p[k]));
        cols[MatrixField.Q].push(toNumber(corr!.q[k]));
        cols[MatrixField.N].push(corr!.n[k] ?? null);
        cols[MatrixField.NEff].push(toNumber(corr!.nEff[k]));
        cols[MatrixField.CiLow].push(toNumber(corr!.ciLow[k]));
        cols[MatrixField.CiHigh].push(toNumber(corr!.ciHigh[k]));
        cols[MatrixField.Reason].push(corr!.reason[k] ?? '');
      }
      const li = lagIds ? lagIds.indexOf(ids[i]) : -1;
      const lj = lagIds ? lagIds.indexOf(ids[j]) : -1;
      const lk = li >= 0 && lj >= 0 ? li * lagIds!.length + lj : -1;
      const bestLag = lk >= 0 ? toNumber(result.lags?.bestLagMatrix?.[lk]) : null;
      cols[MatrixField.BestLag].push(bestLag === null ? null : bestLag * stepS);
      cols[MatrixField.RAtBestLag].push(lk >= 0 ? toNumber(result.lags?.bestRMatrix?.[lk]) : null);
    }
  }
  const clustering = result.clustering && result.clustering.ids.length === N ? result.clustering : undefined;
  const custom: MatrixMeta = {
    kind: FrameKind.Matrix,
    version: FRAME_CONTRACT_VERSION,
    method: corr?.method ?? 'pearson',
    signals,
    order: clustering ? clustering.order : ids.map((_, i) => i),
    dendrogram: clustering ? clustering.merges : [],
    alpha: corr?.alpha ?? 0.05,
    adjust: corr?.adjust ?? 'fdr_bh',
    controls: useP ? result.partial!.controls.map(nameOf) : [],
    stepMs: result.grid?.stepMs ?? 0,
    lagConvention: result.lags?.convention ?? 'r(k) = corr(A[t], B[t+k]); positive lag k means A leads B by k steps',
  };
  const numberFields = [MatrixField.R, MatrixField.P, MatrixField.Q, MatrixField.N, MatrixField.NEff, MatrixField.CiLow, MatrixField.CiHigh, MatrixField.BestLag, MatrixField.RAtBestLag];
  return createDataFrame({
    refId: opts.refId,
    name: useP ? 'Partial correlation matrix' : 'Correlation matrix',
    meta: { preferredVisualisationType: 'table', custom },
    fields: Object.values(MatrixField).map((name) => ({
      name,
      type: (numberFields as string[]).includes(name) ? FieldType.number : FieldType.string,
      values: cols[name],
      config: name === MatrixField.BestLag ? { unit: 's' } : name === MatrixField.R || name === MatrixField.RAtBestLag ? { min: -1, max: 1, decimals: 2 } : {},
    })),
  });
}

function lagFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const lags = result.lags;
  if (!lags) {
    return [];
  }
  const nameOf = (id: string) => result.series.find((s) => s.id === id)?.name ?? id;
  const stepS = lags.stepMs / 1000;
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
      };
      return createDataFrame({
        refId: opts.refId,
        name: `${custom.a} → ${custom.b}`,
        meta: { preferredVisualisationType: 'table', custom },
        fields: [
          { name: LagField.Lag, type: FieldType.number, values: lagValues, config: { unit: 's' } },
          { name: LagField.R, type: FieldType.number, values: pair.r!.map(toNumber), config: { min: -1, max: 1, displayName: `r(${custom.a}, ${custom.b})` } },
          { name: LagField.BandLow, type: FieldType.number, values: lagValues.map(() => (band === null ? null : -band)) },
          { name: LagField.BandHigh, type: FieldType.number, values: lagValues.map(() => band) },
        ],
      });
    });
}

function gridTimes(result: AnalyzeResult): number[] {
  const g = result.grid;
  return g ? Array.from({ length: g.length }, (_, i) => g.start + i * g.stepMs) : [];
}

function driftFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const times = gridTimes(result);
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
      };
      return createDataFrame({
        refId: opts.refId,
        name: `${s.name} drift (${m.method})`,
        meta: { preferredVisualisationType: 'graph', custom },
        fields: [
          { name: 'Time', type: FieldType.time, values: times },
          { name: m.method, type: FieldType.number, values: m.scores.map(toNumber), labels: { signal: s.name, method: m.method }, config: { displayName: `${s.name} drift (${m.method})` } },
        ],
      });
    })
  );
}

function alignedFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const times = result.grid?.timestamps ?? gridTimes(result);
  return result.series
    .filter((s) => s.values)
    .map((s) => {
      const info = signalFor(opts.signals, s.id);
      return createDataFrame({
        refId: opts.refId,
        name: s.name,
        meta: { preferredVisualisationType: 'graph', custom: { kind: FrameKind.Aligned, version: FRAME_CONTRACT_VERSION, role: info.role, transforms: s.transforms } },
        fields: [
          { name: 'Time', type: FieldType.time, values: times },
          { name: 'Value', type: FieldType.number, values: s.values!.map(toNumber), labels: info.labels, config: { displayName: s.name } },
        ],
      });
    });
}

/** Engine warnings become frame notices, so Grafana shows them in the panel header. */
export function warningNotices(warnings: EngineWarning[]): QueryResultMetaNotice[] {
  return warnings.map((w) => ({ severity: w.code === 'INTERNAL_ERROR' ? 'error' : 'warning', text: w.series ? `${w.series}: ${w.message}` : w.message }));
}

export function resultToFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const frames: DataFrame[] = [];
  const matrix = matrixFrame(result, opts);
  if (matrix) {
    frames.push(matrix);
  }
  frames.push(...lagFrames(result, opts), ...driftFrames(result, opts));
  if (opts.aligned) {
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
