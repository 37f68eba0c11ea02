/** The matrix frame: one row per ordered pair, the full N x N (docs/frames.md, "Matrix"). */
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import { finiteOrNull, LAG_CONVENTION, reasonList, reverseLag, toJsonArray, type AnalyzeResult } from '../../stats';
import { FRAME_CONTRACT_VERSION, FrameKind, MatrixField, MatrixMeta } from '../frameContract';
import { seriesNames, signalLookup, type FrameOptions } from './options';

/** The partial section when it has series, else the correlation section: what the matrix frame shows. */
function shown(result: AnalyzeResult) {
  const useP = result.partial !== undefined && result.partial.ids.length > 0;
  return { useP, source: useP ? result.partial : result.correlation };
}

/** The engine matrices (Float64Array, NaN for missing) the matrix frame turns into columns. */
export function matrixColumnSources(result: AnalyzeResult): Float64Array[] {
  const { source } = shown(result);
  const ci = source && 'ciLow' in source ? [source.ciLow, source.ciHigh] : [];
  return source ? [source.r, source.p, source.q, source.n, source.nEff, ...ci] : [];
}

/** An engine matrix as a frame column: null for missing (docs/frames.md), unless built ahead. */
export function matrixColumn(values: Float64Array, opts: FrameOptions): Array<number | null> {
  return opts.columns?.get(values) ?? toJsonArray(values);
}

export function matrixFrame(result: AnalyzeResult, opts: FrameOptions): DataFrame | undefined {
  const { useP, source } = shown(result);
  const corr = result.correlation;
  if (!source) {
    return undefined;
  }
  const ids = source.ids;
  const nameOf = seriesNames(result);
  const infoOf = signalLookup(opts.signals);
  const signals = ids.map((id) => ({ ...infoOf(id), name: nameOf(id) }));
  const N = ids.length;
  const stepS = (result.lags?.stepMs ?? result.grid?.stepMs ?? 0) / 1000;
  const total = N * N;
  const nulls = () => new Array<number | null>(total).fill(null);
  // The engine's matrices are already row-major N x N: each becomes a column in one pass. Grafana's field
  // values are arrays (a frame is serialised to JSON by the query inspector and snapshots, where a
  // Float64Array is no array) and its table prints NaN as "NaN": missing is null here.
  const full = useP ? undefined : corr;
  const rowNames = new Array<string>(total);
  const columnNames = new Array<string>(total);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      rowNames[i * N + j] = signals[i].name;
      columnNames[i * N + j] = signals[j].name;
    }
  }
  const lag = lagCells(result, ids, stepS);
  const cols = {
    row: rowNames,
    column: columnNames,
    r: matrixColumn(source.r, opts),
    p: matrixColumn(source.p, opts),
    q: matrixColumn(source.q, opts),
    n: matrixColumn(source.n, opts),
    nEff: matrixColumn(source.nEff, opts),
    // Fisher-z intervals are computed for plain correlations only.
    ciLow: full ? matrixColumn(full.ciLow, opts) : nulls(),
    ciHigh: full ? matrixColumn(full.ciHigh, opts) : nulls(),
    ...lag,
    // The engine's codes through its table of reason strings; '' where the cell has its numbers.
    reason: reasonList(source.reason, ''),
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
  if (corr?.kernel) {
    custom.kernel = corr.kernel;
  }
  if (corr?.workers !== undefined) {
    custom.workers = corr.workers;
  }
  if (result.lags) {
    custom.maxLag = result.lags.maxLag;
    custom.lagAlpha = result.lags.alpha;
  }
  const number = (name: string, values: Array<number | null>, config = {}) => ({
    name,
    type: FieldType.number,
    values,
    config,
  });
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
      number(MatrixField.PBestLag, cols.pBestLag),
      number(MatrixField.QBestLag, cols.qBestLag),
      number(MatrixField.EffectiveLags, cols.effectiveLags),
      { name: MatrixField.AtEdge, type: FieldType.boolean, values: cols.atEdge },
      { name: MatrixField.Reason, type: FieldType.string, values: cols.reason },
    ],
  });
}

/**
 * The lag columns, from the engine's lag pairs (every pair analysed, in either orientation): the best
 * lag in seconds read row first, and what the lead decision needs (p and q of the best lag, the
 * effective lags, the edge flag), which do not depend on the orientation.
 */
function lagCells(result: AnalyzeResult, ids: string[], stepS: number) {
  const N = ids.length;
  const total = N * N;
  const nulls = () => new Array<number | null>(total).fill(null);
  const out = {
    bestLag: nulls(),
    rAtBestLag: nulls(),
    pBestLag: nulls(),
    qBestLag: nulls(),
    effectiveLags: nulls(),
    atEdge: new Array<boolean | null>(total).fill(null),
  };
  const index = new Map(ids.map((id, i) => [id, i]));
  for (const pair of result.lags?.pairs ?? []) {
    const i = index.get(pair.a);
    const j = index.get(pair.b);
    if (i === undefined || j === undefined || i === j) {
      continue;
    }
    const lag = finiteOrNull(pair.bestLag);
    for (const [k, steps] of [
      [i * N + j, lag],
      [j * N + i, reverseLag(lag)],
    ] as const) {
      out.bestLag[k] = steps === null ? null : steps * stepS;
      out.rAtBestLag[k] = finiteOrNull(pair.bestR);
      out.pBestLag[k] = finiteOrNull(pair.pBestLag);
      out.qBestLag[k] = finiteOrNull(pair.qBestLag);
      out.effectiveLags[k] = finiteOrNull(pair.effectiveLags);
      out.atEdge[k] = pair.bestLag === null ? null : pair.atEdge === true;
    }
  }
  return out;
}
