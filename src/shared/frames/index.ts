/**
 * Turns an engine result into the data frames documented in docs/frames.md. Used by the data source
 * (query results) and by the panels when they compute from plain time series themselves, so there is
 * one conversion path and one format.
 */
import { DataFrame, FieldType, createDataFrame, QueryResultMetaNotice } from '@grafana/data';
import { driftSeriesName, finiteOrNull, isDriftSeriesId, LAG_CONVENTION, type AnalyzeResult, type EngineWarning } from '../stats';
import {
  DriftMeta,
  FRAME_CONTRACT_VERSION,
  FrameKind,
  FrameKindValue,
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
  /** Frame kinds to build (default: every kind the result holds). */
  kinds?: FrameKindValue[];
  /** Extra notices (e.g. failed signal queries, main-thread fallback). */
  notices?: QueryResultMetaNotice[];
}

/** id -> display name, built once (results can hold hundreds of series). */
function seriesNames(result: AnalyzeResult): (id: string) => string {
  const names = new Map(result.series.map((s) => [s.id, s.name]));
  return (id) => names.get(id) ?? id;
}

function signalFor(signals: SignalInfo[], id: string): SignalInfo {
  return signals.find((s) => s.name === id) ?? { name: id, role: isDriftSeriesId(id) ? 'model' : 'infra', signal: '', labels: {} };
}

function matrixFrame(result: AnalyzeResult, opts: FrameOptions): DataFrame | undefined {
  const useP = result.partial && result.partial.ids.length > 0;
  const corr = result.correlation;
  if (!corr && !useP) {
    return undefined;
  }
  const ids = useP ? result.partial!.ids : corr!.ids;
  const nameOf = seriesNames(result);
  const signals = ids.map((id) => ({ ...signalFor(opts.signals, id), name: nameOf(id) }));
  const N = ids.length;
  const stepS = (result.lags?.stepMs ?? result.grid?.stepMs ?? 0) / 1000;
  // Index maps once: the loops below run N*N times (250,000 cells at 500 signals).
  const lagIds = result.lags?.ids;
  const lagIndex = new Map((lagIds ?? []).map((id, i) => [id, i]));
  const lagPos = ids.map((id) => lagIndex.get(id) ?? -1);
  const L = lagIds?.length ?? 0;
  const source = useP ? result.partial! : corr!;
  const total = N * N;
  const nulls = () => new Array<number | null>(total).fill(null);
  // The engine's matrices are already row-major N x N with null for missing: they become columns as
  // they are, without copies (at 500 signals each holds 250,000 cells).
  const full = useP ? undefined : corr!;
  const partial = useP ? result.partial! : undefined;
  const rowNames = new Array<string>(total);
  const columnNames = new Array<string>(total);
  const bestLag = nulls();
  const rAtBestLag = nulls();
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const k = i * N + j;
      rowNames[k] = signals[i].name;
      columnNames[k] = signals[j].name;
      const lk = lagPos[i] >= 0 && lagPos[j] >= 0 ? lagPos[i] * L + lagPos[j] : -1;
      if (lk >= 0) {
        const lag = finiteOrNull(result.lags?.bestLagMatrix?.[lk]);
        bestLag[k] = lag === null ? null : lag * stepS;
        rAtBestLag[k] = finiteOrNull(result.lags?.bestRMatrix?.[lk]);
      }
    }
  }
  const cols = {
    row: rowNames,
    column: columnNames,
    r: source.r,
    p: source.p,
    q: (full ?? partial)!.q ?? nulls(),
    n: source.n,
    nEff: (full ?? partial)!.nEff ?? nulls(),
    // Fisher-z intervals are computed for plain correlations only.
    ciLow: full ? full.ciLow : nulls(),
    ciHigh: full ? full.ciHigh : nulls(),
    bestLag,
    rAtBestLag,
    reason: source.reason.map((reason) => reason ?? ''),
  };
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
    lagConvention: result.lags?.convention ?? LAG_CONVENTION,
  };
  const number = (name: string, values: Array<number | null>, config = {}) => ({ name, type: FieldType.number, values, config });
  return createDataFrame({
    refId: opts.refId,
    name: useP ? 'Partial correlation matrix' : 'Correlation matrix',
    meta: { preferredVisualisationType: 'table', custom },
    fields: [
      { name: MatrixField.Row, type: FieldType.string, values: cols.row },
      { name: MatrixField.Column, type: FieldType.string, values: cols.column },
      number(MatrixField.R, cols.r, { min: -1, max: 1, decimals: 2 }),
      number(MatrixField.P, cols.p),
      number(MatrixField.Q, cols.q),
      number(MatrixField.N, cols.n),
      number(MatrixField.NEff, cols.nEff),
      number(MatrixField.CiLow, cols.ciLow),
      number(MatrixField.CiHigh, cols.ciHigh),
      number(MatrixField.BestLag, cols.bestLag, { unit: 's' }),
      number(MatrixField.RAtBestLag, cols.rAtBestLag, { min: -1, max: 1, decimals: 2 }),
      { name: MatrixField.Reason, type: FieldType.string, values: cols.reason },
    ],
  });
}

function lagFrames(result: AnalyzeResult, opts: FrameOptions): DataFrame[] {
  const lags = result.lags;
  if (!lags) {
    return [];
  }
  const nameOf = seriesNames(result);
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
          { name: LagField.R, type: FieldType.number, values: pair.r!.map(finiteOrNull), config: { min: -1, max: 1, displayName: `r(${custom.a}, ${custom.b})` } },
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
          { name: m.method, type: FieldType.number, values: m.scores.map(finiteOrNull), labels: { signal: s.name, method: m.method }, config: { displayName: driftSeriesName(s.name, m.method) } },
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
          { name: 'Value', type: FieldType.number, values: s.values!.map(finiteOrNull), labels: info.labels, config: { displayName: s.name } },
        ],
      });
    });
}

/** Engine warnings become frame notices, so Grafana shows them in the panel header. */
export function warningNotices(warnings: EngineWarning[]): QueryResultMetaNotice[] {
  return warnings.map((w) => ({ severity: w.code === 'INTERNAL_ERROR' ? 'error' : 'warning', text: w.series ? `${w.series}: ${w.message}` : w.message }));
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
