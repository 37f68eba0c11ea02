/**
 * Matrix frame (docs/frames.md) -> MatrixModel: flat typed arrays indexed by signal, so drawing and
 * hit-testing a 300 x 300 matrix never touch the frame again. Pure.
 */
import { DataFrame } from '@grafana/data';
import { FrameKind, MatrixField, MatrixMeta, SignalInfo } from '../../../shared/frameContract';
import { finiteOrNull, numberOrNaN, type LeadStatement } from '../../../stats';
import { frameKind } from '../../common/frames';
import { leadOf } from '../../common/words';

export interface MatrixModel {
  signals: SignalInfo[];
  names: string[];
  size: number;
  method: MatrixMeta['method'];
  /** Row-major N*N; NaN where there is no number. */
  r: Float64Array;
  p: Float64Array;
  q: Float64Array;
  n: Float64Array;
  nEff: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
  /** Seconds; positive: row signal leads column signal. */
  bestLag: Float64Array;
  rAtBestLag: Float64Array;
  /** The lead decision's inputs (the engine's leadStatement reads them through words.ts leadOf). */
  pBestLag: Float64Array;
  qBestLag: Float64Array;
  effectiveLags: Float64Array;
  /** 1: the peak sits at ±maxLag, 0: inside, NaN: no best lag. */
  atEdge: Float64Array;
  reason: string[];
  order: number[];
  dendrogram: MatrixMeta['dendrogram'];
  alpha: number;
  adjust: MatrixMeta['adjust'];
  controls: string[];
  stepMs: number;
  /** Lag range searched (±steps) and the lead decision's level; absent without lags. */
  maxLag?: number;
  lagAlpha?: number;
  /** Decimals of r from the frame's field config (the panel's field config may override). */
  decimals?: number;
}

export type ModelResult =
  { ok: true; model: MatrixModel } | { ok: false; problem: 'no-matrix' | 'empty' | 'malformed'; detail?: string };

export function findMatrixFrame(frames: DataFrame[]): DataFrame | undefined {
  return frames.find((f) => frameKind(f) === FrameKind.Matrix);
}

function column(frame: DataFrame, name: string) {
  return frame.fields.find((f) => f.name === name);
}

export function buildMatrixModel(frames: DataFrame[]): ModelResult {
  const frame = findMatrixFrame(frames);
  if (!frame) {
    return { ok: false, problem: 'no-matrix' };
  }
  const meta = frame.meta!.custom as MatrixMeta;
  const signals = Array.isArray(meta.signals) ? meta.signals : [];
  const size = signals.length;
  if (size === 0) {
    return { ok: false, problem: 'empty' };
  }
  const rows = column(frame, MatrixField.Row);
  const cols = column(frame, MatrixField.Column);
  if (!rows || !cols) {
    return { ok: false, problem: 'malformed', detail: 'the matrix frame has no row/column fields' };
  }
  const names = signals.map((s) => s.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const alloc = () => new Float64Array(size * size).fill(NaN);
  const model: MatrixModel = {
    signals,
    names,
    size,
    method: meta.method ?? 'pearson',
    r: alloc(),
    p: alloc(),
    q: alloc(),
    n: alloc(),
    nEff: alloc(),
    ciLow: alloc(),
    ciHigh: alloc(),
    bestLag: alloc(),
    rAtBestLag: alloc(),
    pBestLag: alloc(),
    qBestLag: alloc(),
    effectiveLags: alloc(),
    atEdge: alloc(),
    reason: new Array<string>(size * size).fill(''),
    order: validOrder(meta.order, size),
    dendrogram: Array.isArray(meta.dendrogram) ? meta.dendrogram : [],
    alpha: Number.isFinite(meta.alpha) ? meta.alpha : 0.05,
    adjust: meta.adjust ?? 'fdr_bh',
    controls: meta.controls ?? [],
    stepMs: meta.stepMs ?? 0,
    maxLag: Number.isFinite(meta.maxLag) ? meta.maxLag : undefined,
    lagAlpha: Number.isFinite(meta.lagAlpha) ? meta.lagAlpha : undefined,
    decimals: column(frame, MatrixField.R)?.config.decimals ?? undefined,
  };
  const targets: Array<[string, Float64Array]> = [
    [MatrixField.R, model.r],
    [MatrixField.P, model.p],
    [MatrixField.Q, model.q],
    [MatrixField.N, model.n],
    [MatrixField.NEff, model.nEff],
    [MatrixField.CiLow, model.ciLow],
    [MatrixField.CiHigh, model.ciHigh],
    [MatrixField.BestLag, model.bestLag],
    [MatrixField.RAtBestLag, model.rAtBestLag],
    [MatrixField.PBestLag, model.pBestLag],
    [MatrixField.QBestLag, model.qBestLag],
    [MatrixField.EffectiveLags, model.effectiveLags],
  ];
  const sources = targets.map(
    ([name, arr]) => [column(frame, name)?.values as ArrayLike<number | null> | undefined, arr] as const
  );
  const reasons = column(frame, MatrixField.Reason)?.values as ArrayLike<string | null> | undefined;
  const edges = column(frame, MatrixField.AtEdge)?.values as ArrayLike<boolean | null> | undefined;
  for (let k = 0; k < frame.length; k++) {
    const i = index.get(String(rows.values[k]));
    const j = index.get(String(cols.values[k]));
    if (i === undefined || j === undefined) {
      continue;
    }
    const cell = i * size + j;
    for (const [src, dst] of sources) {
      const v = src?.[k];
      dst[cell] = numberOrNaN(v);
    }
    model.reason[cell] = reasons?.[k] ?? '';
    const edge = edges?.[k];
    model.atEdge[cell] = edge === true ? 1 : edge === false ? 0 : NaN;
  }
  return { ok: true, model };
}

/** The cluster order if it is a permutation of 0..size-1, else input order (never trust a frame blindly). */
function validOrder(order: unknown, size: number): number[] {
  if (
    Array.isArray(order) &&
    order.length === size &&
    new Set(order).size === size &&
    order.every((v) => Number.isInteger(v) && v >= 0 && v < size)
  ) {
    return order as number[];
  }
  return Array.from({ length: size }, (_, i) => i);
}

/** Numbers of one cell, by signal indices, for the tooltip, sentence and drill-down. */
export interface CellInfo {
  row: number;
  col: number;
  a: string;
  b: string;
  r: number | null;
  p: number | null;
  q: number | null;
  n: number | null;
  nEff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  bestLagSeconds: number | null;
  rAtBestLag: number | null;
  pBestLag: number | null;
  qBestLag: number | null;
  effectiveLags: number | null;
  atEdge: boolean | null;
  reason: string | null;
  /** The engine's lead statement, row signal first; null without a best lag or on the diagonal. */
  lead: LeadStatement | null;
}

export function cellInfo(model: MatrixModel, row: number, col: number): CellInfo {
  const k = row * model.size + col;
  const edge = model.atEdge[k];
  const info: Omit<CellInfo, 'lead'> = {
    row,
    col,
    a: model.names[row],
    b: model.names[col],
    r: finiteOrNull(model.r[k]),
    p: finiteOrNull(model.p[k]),
    q: finiteOrNull(model.q[k]),
    n: finiteOrNull(model.n[k]),
    nEff: finiteOrNull(model.nEff[k]),
    ciLow: finiteOrNull(model.ciLow[k]),
    ciHigh: finiteOrNull(model.ciHigh[k]),
    bestLagSeconds: finiteOrNull(model.bestLag[k]),
    rAtBestLag: finiteOrNull(model.rAtBestLag[k]),
    pBestLag: finiteOrNull(model.pBestLag[k]),
    qBestLag: finiteOrNull(model.qBestLag[k]),
    effectiveLags: finiteOrNull(model.effectiveLags[k]),
    atEdge: Number.isNaN(edge) ? null : edge === 1,
    reason: model.reason[k] || null,
  };
  const lead =
    info.bestLagSeconds === null || row === col
      ? null
      : leadOf(
          { ...info, bestR: info.rAtBestLag },
          { alpha: model.lagAlpha ?? model.alpha, stepMs: model.stepMs, maxLag: model.maxLag }
        );
  return { ...info, lead };
}

/** Significant at the frame's alpha: q when adjusted, else p; cells without either count as not significant. */
export function isSignificant(model: MatrixModel, k: number): boolean {
  const q = model.q[k];
  const v = Number.isFinite(q) ? q : model.p[k];
  return Number.isFinite(v) && v <= model.alpha;
}
