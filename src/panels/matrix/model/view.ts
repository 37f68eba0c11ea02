/**
 * What is on screen: which signals are rows and columns (order, layout) and which cells are drawn
 * (triangle). Pure; the canvas and keyboard code only ask this module.
 */
import type { MatrixLayout, Triangle } from '../types';
import type { MatrixModel } from './matrixModel';

export interface MatrixView {
  /** Signal index of each visible row / column, top to bottom / left to right. */
  rows: number[];
  cols: number[];
  /** Triangle actually applied ('full' when rows and columns differ). */
  triangle: Triangle;
  /** Symmetric all x all view (triangle and dendrogram make sense). */
  square: boolean;
  /** Why a requested layout could not be used, shown to the user. */
  note?: string;
}

export interface ViewOptions {
  clusterOrder: boolean;
  layout: MatrixLayout;
  triangle: Triangle;
}

export function buildView(model: MatrixModel, opts: ViewOptions): MatrixView {
  const order = opts.clusterOrder ? model.order : model.signals.map((_, i) => i);
  if (opts.layout === 'model-infra') {
    const rows = order.filter((i) => model.signals[i].role === 'model');
    const cols = order.filter((i) => model.signals[i].role !== 'model');
    if (rows.length > 0 && cols.length > 0) {
      return { rows, cols, triangle: 'full', square: false };
    }
    const note =
      rows.length === 0
        ? 'No model signals in the result: showing all x all. Mark model signals in the query (or set "Model signals" in the panel options).'
        : 'No infrastructure signals in the result: showing all x all.';
    return { rows: order, cols: order, triangle: opts.triangle, square: true, note };
  }
  return { rows: order, cols: order, triangle: opts.triangle, square: true };
}

/** Whether cell (row position a, column position b) is drawn. The diagonal stays in both triangles. */
export function isVisible(view: MatrixView, a: number, b: number): boolean {
  if (a < 0 || b < 0 || a >= view.rows.length || b >= view.cols.length) {
    return false;
  }
  switch (view.triangle) {
    case 'lower':
      return b <= a;
    case 'upper':
      return b >= a;
    default:
      return true;
  }
}

/** Arrow-key movement that skips hidden cells of a triangle: clamp into the visible part. */
export function moveActive(
  view: MatrixView,
  from: { a: number; b: number } | null,
  key: string
): { a: number; b: number } {
  const start = from ?? firstVisible(view);
  const d = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Home: [0, -Infinity],
    End: [0, Infinity],
  }[key];
  if (!d) {
    return start;
  }
  let a = clamp(start.a + d[0], view.rows.length);
  let b = clamp(start.b + d[1], view.cols.length);
  if (!isVisible(view, a, b)) {
    // Moving out of the triangle: stay on the diagonal rather than jumping across the matrix.
    if (view.triangle === 'lower') {
      b = Math.min(b, a);
    } else if (view.triangle === 'upper') {
      b = Math.max(b, a);
    }
    if (!isVisible(view, a, b)) {
      a = start.a;
      b = start.b;
    }
  }
  return { a, b };
}

function clamp(v: number, n: number): number {
  return Math.max(0, Math.min(n - 1, v));
}

function firstVisible(view: MatrixView): { a: number; b: number } {
  // (0, 0) is in every triangle (the diagonal is kept) and in the model x infra layout.
  return { a: 0, b: 0 };
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Dendrogram as line segments in "leaf units" (leaf i centred at i + 0.5 along the matrix axis) and
 * height 0..1 (1 = tallest merge), in the order of `view.rows`. The canvas scales them.
 */
export function dendrogramSegments(model: MatrixModel, rows: number[]): Segment[] {
  const merges = model.dendrogram;
  const N = model.size;
  if (merges.length !== N - 1 || rows.length !== N) {
    return [];
  }
  const pos = new Map<number, number>();
  rows.forEach((signal, i) => pos.set(signal, i + 0.5));
  const maxH = Math.max(...merges.map((m) => m.height), 1e-12);
  const heights = new Map<number, number>();
  const segs: Segment[] = [];
  merges.forEach((m, i) => {
    const id = N + i;
    const pa = pos.get(m.a);
    const pb = pos.get(m.b);
    if (pa === undefined || pb === undefined) {
      return;
    }
    const h = m.height / maxH;
    const ha = heights.get(m.a) ?? 0;
    const hb = heights.get(m.b) ?? 0;
    segs.push({ x1: pa, y1: ha, x2: pa, y2: h }, { x1: pb, y1: hb, x2: pb, y2: h }, { x1: pa, y1: h, x2: pb, y2: h });
    pos.set(id, (pa + pb) / 2);
    heights.set(id, h);
  });
  return segs;
}
