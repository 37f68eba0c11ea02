/**
 * Reading InfraDrift frames back (the contract in src/shared/frameContract.ts): lag curves and the
 * input series by name. Pure, shared by both panels and the drill-down.
 */
import { DataFrame, FieldType, getFieldDisplayName, LoadingState, PanelData } from '@grafana/data';
import { FrameKind, LagField, LagMeta } from '../../shared/frameContract';
import { queryErrorTexts } from '../../shared/queryErrors';
import { finiteOrNull, numberOrNaN, reverseCurve, reverseLag } from '../../stats';

export function frameKind(frame: DataFrame): string | undefined {
  const kind = (frame.meta?.custom as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** True when the frames came from the InfraDrift data source (or the panel's own analysis). */
export function hasInfraDriftFrames(frames: DataFrame[]): boolean {
  return frames.some((f) => {
    const k = frameKind(f);
    return k === FrameKind.Matrix || k === FrameKind.Lag;
  });
}

export interface LagCurve {
  a: string;
  b: string;
  /** Lags in seconds, ascending; positive: A leads B. */
  lags: number[];
  r: Array<number | null>;
  band: number | null;
  bestLagSeconds: number | null;
  bestR: number | null;
  n: number;
  nEff: number | null;
  stepMs: number;
  /** What the engine's lead decision reads (words.ts leadOf); the same either way round. */
  pBestLag: number | null;
  qBestLag: number | null;
  effectiveLags: number | null;
  atEdge: boolean | null;
  alpha?: number;
  /** Lag range searched, ±maxLag steps. */
  maxLag?: number;
  /** How A and B were made (the data source's frames; absent when a panel computed the curve). */
  provenance?: LagMeta['provenance'];
}

function numbers(frame: DataFrame, name: string): Array<number | null> {
  const field = frame.fields.find((f) => f.name === name);
  return field ? Array.from(field.values as ArrayLike<unknown>, (v) => finiteOrNull(numberOrNaN(v))) : [];
}

export function lagCurves(frames: DataFrame[]): LagCurve[] {
  return frames
    .filter((f) => frameKind(f) === FrameKind.Lag)
    .map((f) => {
      const m = f.meta!.custom as LagMeta;
      return {
        a: m.a,
        b: m.b,
        lags: numbers(f, LagField.Lag).map(numberOrNaN),
        r: numbers(f, LagField.R),
        band: m.band,
        bestLagSeconds: m.bestLagSeconds,
        bestR: m.bestR,
        n: m.n,
        nEff: m.nEff,
        stepMs: m.stepMs,
        // Frames without the decision's inputs read as "no clear lead", never as a lead.
        pBestLag: m.pBestLag ?? null,
        qBestLag: m.qBestLag ?? null,
        effectiveLags: m.effectiveLags ?? null,
        atEdge: m.atEdge ?? null,
        alpha: m.alpha,
        maxLag: m.maxLag,
        provenance: m.provenance,
      };
    });
}

/** The curve of (a, b), also when only (b, a) was computed (reversed under the engine's lag convention). */
export function findLagCurve(curves: LagCurve[], a: string, b: string): LagCurve | undefined {
  const direct = curves.find((c) => c.a === a && c.b === b);
  if (direct) {
    return direct;
  }
  const rev = curves.find((c) => c.a === b && c.b === a);
  if (!rev) {
    return undefined;
  }
  return {
    ...rev,
    a,
    b,
    lags: reverseCurve(rev.lags).map((lag) => reverseLag(lag)),
    r: reverseCurve(rev.r),
    bestLagSeconds: reverseLag(rev.bestLagSeconds),
    provenance: rev.provenance && { a: rev.provenance.b, b: rev.provenance.a },
  };
}

export interface NamedSeries {
  name: string;
  times: number[];
  values: Array<number | null>;
}

/**
 * Input series by display name: the data source's aligned frames when present, otherwise any plain
 * time series frame (the panel's own input in time series mode).
 */
export function seriesByName(frames: DataFrame[]): Map<string, NamedSeries> {
  const out = new Map<string, NamedSeries>();
  const aligned = frames.filter((f) => frameKind(f) === FrameKind.Aligned);
  const pool = aligned.length > 0 ? aligned : frames.filter((f) => frameKind(f) === undefined);
  for (const frame of pool) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      continue;
    }
    const times = Array.from(time.values as ArrayLike<number>, Number);
    for (const field of frame.fields) {
      if (field.type !== FieldType.number) {
        continue;
      }
      const name =
        frameKind(frame) === FrameKind.Aligned
          ? (frame.name ?? getFieldDisplayName(field, frame, pool))
          : getFieldDisplayName(field, frame, pool);
      if (!out.has(name)) {
        out.set(name, {
          name,
          times,
          values: Array.from(field.values as ArrayLike<number | null>, (v) =>
            v === null || v === undefined ? null : Number(v)
          ),
        });
      }
    }
  }
  return out;
}

/**
 * The query's own error when it failed and returned nothing: the panel must show it, not the
 * "No data" hint. Each message once (Grafana may repeat the first error in `error`).
 */
export function queryFailure(data: PanelData): string | undefined {
  if (data.state !== LoadingState.Error && !data.errors?.length) {
    return undefined;
  }
  const texts = queryErrorTexts(data);
  return texts.length ? texts.join('; ') : 'the query failed';
}
