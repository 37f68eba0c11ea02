/**
 * Reading provenance back from InfraDrift frames (docs/frames.md, "Provenance"): which data source,
 * expression, transforms and drift settings produced a signal, so a matrix cell or a lag curve can be
 * turned back into the queries behind it (alert rules, "open in Explore").
 */
import type { DataFrame } from '@grafana/data';
import {
  FrameKind,
  type AlignedMeta,
  type DriftMeta,
  type LagMeta,
  type MatrixMeta,
  type SignalProvenance,
} from '../frameContract';

/** One side of a cell: the signal's name and labels (to pick its series out of `sentExpr`) and how it was made. */
export interface SignalSource {
  name: string;
  labels: Record<string, string>;
  role: 'infra' | 'model';
  provenance?: SignalProvenance;
}

function customOf(frame: DataFrame): { kind?: unknown } | undefined {
  return frame.meta?.custom as { kind?: unknown } | undefined;
}

/**
 * The provenance of the signal `name` as any InfraDrift frame records it: the matrix (all its
 * signals), a lag frame (its two sides), an aligned or a drift frame (its own signal).
 */
export function signalProvenance(frame: DataFrame, name: string): SignalProvenance | undefined {
  const custom = customOf(frame);
  switch (custom?.kind) {
    case FrameKind.Matrix:
      return (custom as MatrixMeta).signals.find((s) => s.name === name)?.provenance;
    case FrameKind.Lag: {
      const m = custom as LagMeta;
      return m.a === name ? m.provenance?.a : m.b === name ? m.provenance?.b : undefined;
    }
    case FrameKind.Aligned:
      return frame.name === name ? (custom as AlignedMeta).provenance : undefined;
    case FrameKind.Drift: {
      const m = custom as DriftMeta;
      return frame.name === name || m.signal === name ? m.provenance : undefined;
    }
    default:
      return undefined;
  }
}

/** Both sides of the matrix cell (row, column), or undefined when the frame is no matrix or a name is unknown. */
export function cellSources(
  matrix: DataFrame,
  row: string,
  column: string
): { row: SignalSource; column: SignalSource } | undefined {
  const custom = customOf(matrix);
  if (custom?.kind !== FrameKind.Matrix) {
    return undefined;
  }
  const find = (name: string): SignalSource | undefined => {
    const s = (custom as MatrixMeta).signals.find((x) => x.name === name);
    return s && { name: s.name, labels: s.labels, role: s.role, provenance: s.provenance };
  };
  const r = find(row);
  const c = find(column);
  return r && c ? { row: r, column: c } : undefined;
}
