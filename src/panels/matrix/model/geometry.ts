/**
 * Pixel layout of the matrix: where labels, dendrograms, the grid and the legend go, cell edges,
 * hit testing and label truncation. Pure (text width comes in as a function), so it is unit tested
 * in jsdom and the canvas code stays thin.
 */
export type Measure = (text: string) => number;

export const LABEL_FONT_PX = 11;
const LABEL_GAP = 6;
const LEGEND_WIDTH = 52;
const MAX_LABEL_SHARE = 0.28;
/** Below this many pixels per cell, labels are drawn for every k-th row/column only. */
const MIN_LABEL_PITCH = LABEL_FONT_PX + 2;

export interface LayoutInput {
  width: number;
  height: number;
  rows: string[];
  cols: string[];
  dendrogram: boolean;
  measure: Measure;
}

export interface MatrixLayoutBox {
  width: number;
  height: number;
  /** Top-left of the grid. */
  gridX: number;
  gridY: number;
  cell: number;
  nRows: number;
  nCols: number;
  rowLabelWidth: number;
  colLabelHeight: number;
  /** Dendrogram band thickness (0 when hidden), left of row labels and above column labels. */
  dendro: number;
  legendX: number;
  /** Draw every k-th label so labels never overlap. */
  rowStride: number;
  colStride: number;
}

export function computeLayout({ width, height, rows, cols, dendrogram, measure }: LayoutInput): MatrixLayoutBox {
  const longest = (labels: string[]) => labels.reduce((m, l) => Math.max(m, measure(l)), 0);
  const dendro = dendrogram ? Math.round(Math.min(48, Math.max(16, Math.min(width, height) * 0.08))) : 0;
  const rowLabelWidth = Math.min(longest(rows) + LABEL_GAP, Math.max(40, width * MAX_LABEL_SHARE));
  const colLabelHeight = Math.min(longest(cols) + LABEL_GAP, Math.max(40, height * MAX_LABEL_SHARE));
  const gridX = dendro + rowLabelWidth;
  const gridY = dendro + colLabelHeight;
  const availW = Math.max(0, width - gridX - LEGEND_WIDTH - 4);
  const availH = Math.max(0, height - gridY - 4);
  const nRows = Math.max(1, rows.length);
  const nCols = Math.max(1, cols.length);
  // Square cells read as a matrix; the legend sits right after the grid.
  const cell = Math.max(0.5, Math.min(availW / nCols, availH / nRows, 64));
  return {
    width,
    height,
    gridX,
    gridY,
    cell,
    nRows: rows.length,
    nCols: cols.length,
    rowLabelWidth,
    colLabelHeight,
    dendro,
    legendX: gridX + cell * nCols + 12,
    rowStride: Math.max(1, Math.ceil(MIN_LABEL_PITCH / cell)),
    colStride: Math.max(1, Math.ceil(MIN_LABEL_PITCH / cell)),
  };
}

/** Pixel edge of the k-th row/column boundary, rounded so neighbouring cells share edges without seams. */
export function edge(origin: number, cell: number, k: number): number {
  return Math.round(origin + k * cell);
}

/** Cell position under a point, or null outside the grid. */
export function hitTest(layout: MatrixLayoutBox, x: number, y: number): { a: number; b: number } | null {
  const b = Math.floor((x - layout.gridX) / layout.cell);
  const a = Math.floor((y - layout.gridY) / layout.cell);
  if (a < 0 || b < 0 || a >= layout.nRows || b >= layout.nCols) {
    return null;
  }
  return { a, b };
}

/** Which label (row or column position) is under a point in the label bands, for the full-name hover. */
export function labelHit(layout: MatrixLayoutBox, x: number, y: number): { axis: 'row' | 'col'; index: number } | null {
  if (x >= layout.dendro && x < layout.gridX && y >= layout.gridY) {
    const index = Math.floor((y - layout.gridY) / layout.cell);
    return index < layout.nRows ? { axis: 'row', index } : null;
  }
  if (y >= layout.dendro && y < layout.gridY && x >= layout.gridX) {
    const index = Math.floor((x - layout.gridX) / layout.cell);
    return index < layout.nCols ? { axis: 'col', index } : null;
  }
  return null;
}

/** `text` shortened with an ellipsis in the middle-end so it fits `maxWidth` (binary search on length). */
export function truncateLabel(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) {
    return text;
  }
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(text.slice(0, mid) + '…') <= maxWidth) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo === 0 ? '' : text.slice(0, lo) + '…';
}

/** Font size for values printed in cells, or 0 when cells are too small to hold "−0.00". */
export function valueFontPx(cell: number): number {
  // "−0.00" is about 2.6 em wide at these sizes; keep a pixel of padding each side.
  const px = Math.floor(Math.min(13, cell * 0.42, (cell - 2) / 2.6));
  return px >= 8 ? px : 0;
}
