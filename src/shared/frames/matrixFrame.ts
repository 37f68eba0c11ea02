/** The matrix frame: one row per ordered pair, the full N x N (docs/frames.md, "Matrix"). */
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { finiteOrNull, LAG_CONVENTION, type AnalyzeResult } from '../../stats';
import { FRAME_CONTRACT_VERSION, FrameKind, MatrixField, MatrixMeta } from '../frameContract';
import { seriesNames, signalLookup, type FrameOptions } from './options';

export function matrixFrame(result: AnalyzeResult, opts: FrameOptions): DataFrame | undefined {
  const useP = result.partial && result.partial.ids.length > 0;
  const corr = result.correlation;
  if (!corr && !useP) {
    return undefined;
  }
  const ids = useP ? result.partial!.ids : corr!.ids;
  const nameOf = seriesNames(result);
  const infoOf = signalLookup(opts.signals);
  const signals = ids.map((id) => ({ ...infoOf(id), name: nameOf(id) }));
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

