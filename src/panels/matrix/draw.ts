/**
 * Canvas drawing of the matrix: a base layer (cells, values, labels, dendrograms, legend) drawn once
 * per data/size/theme change, and a tiny overlay (active cell, its row and column) redrawn on hover.
 * No React, no model building: everything arrives computed.
 */
import { colorIndex, SCALE_STEPS } from '../common/colorScale';
import { formatR } from '../common/format';
import { edge, LABEL_FONT_PX, MatrixLayoutBox, truncateLabel, valueFontPx } from './model/geometry';
import { isSignificant, MatrixModel } from './model/matrixModel';
import type { MatrixPalette } from './model/palette';
import { dendrogramSegments, isVisible, MatrixView } from './model/view';
import type { SignificanceDisplay } from './types';

export const FONT_FAMILY = 'Inter, Helvetica, Arial, sans-serif';

/** Sizes the canvas for the device pixel ratio and returns a context in CSS pixels (or null in jsdom). */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number
): CanvasRenderingContext2D | null {
  const dpr = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    return null;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

export interface BaseDrawInput {
  model: MatrixModel;
  view: MatrixView;
  layout: MatrixLayoutBox;
  palette: MatrixPalette;
  significance: SignificanceDisplay;
  showValues: boolean;
  showDendrogram: boolean;
  decimals: number;
}

export function drawBase(ctx: CanvasRenderingContext2D, input: BaseDrawInput) {
  drawCells(ctx, input);
  drawLabels(ctx, input);
  if (input.showDendrogram && input.view.square) {
    drawDendrograms(ctx, input);
  }
  drawLegend(ctx, input);
}

function drawCells(
  ctx: CanvasRenderingContext2D,
  { model, view, layout, palette, significance, showValues, decimals }: BaseDrawInput
) {
  const N = model.size;
  // Batch cells by colour: one fillStyle change per colour instead of per cell (90 000 cells at 300 x 300).
  const buckets: number[][] = Array.from({ length: SCALE_STEPS * 2 + 1 }, () => []);
  const hatched: number[] = [];
  for (let a = 0; a < view.rows.length; a++) {
    for (let b = 0; b < view.cols.length; b++) {
      if (!isVisible(view, a, b)) {
        continue;
      }
      const k = view.rows[a] * N + view.cols[b];
      const ci = colorIndex(model.r[k]);
      if (ci < 0) {
        buckets[SCALE_STEPS * 2].push(a, b);
        continue;
      }
      const weak = significance !== 'none' && view.rows[a] !== view.cols[b] && !isSignificant(model, k);
      const useFade = weak && (significance === 'fade' || layout.cell < 6);
      buckets[useFade ? SCALE_STEPS + ci : ci].push(a, b);
      if (weak && !useFade) {
        hatched.push(a, b);
      }
    }
  }
  const x = (b: number) => edge(layout.gridX, layout.cell, b);
  const y = (a: number) => edge(layout.gridY, layout.cell, a);
  const gap = layout.cell >= 8 ? 1 : 0;
  buckets.forEach((cells, i) => {
    if (cells.length === 0) {
      return;
    }
    ctx.fillStyle =
      i === SCALE_STEPS * 2 ? palette.noValue : i >= SCALE_STEPS ? palette.faded[i - SCALE_STEPS] : palette.cells[i];
    for (let c = 0; c < cells.length; c += 2) {
      const x0 = x(cells[c + 1]);
      const y0 = y(cells[c]);
      ctx.fillRect(x0, y0, x(cells[c + 1] + 1) - x0 - gap, y(cells[c] + 1) - y0 - gap);
    }
  });
  if (hatched.length) {
    ctx.strokeStyle = palette.hatch;
    ctx.lineWidth = 1;
    ctx.beginPath();
    const c = layout.cell;
    for (let i = 0; i < hatched.length; i += 2) {
      const x0 = x(hatched[i + 1]);
      const y0 = y(hatched[i]);
      // Two diagonal strokes per cell read as hatching without a clip region per cell.
      ctx.moveTo(x0 + 1, y0 + c / 2);
      ctx.lineTo(x0 + c / 2, y0 + 1);
      ctx.moveTo(x0 + c / 2, y0 + c - 1);
      ctx.lineTo(x0 + c - 1, y0 + c / 2);
    }
    ctx.stroke();
  }
  const fontPx = showValues ? valueFontPx(layout.cell) : 0;
  if (fontPx > 0) {
    ctx.font = `${fontPx}px ${FONT_FAMILY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let a = 0; a < view.rows.length; a++) {
      for (let b = 0; b < view.cols.length; b++) {
        const k = view.rows[a] * N + view.cols[b];
        const ci = colorIndex(model.r[k]);
        if (!isVisible(view, a, b) || ci < 0) {
          continue;
        }
        ctx.fillStyle = palette.text[ci];
        ctx.fillText(formatR(model.r[k], decimals), x(b) + layout.cell / 2, y(a) + layout.cell / 2);
      }
    }
  }
}

function drawLabels(ctx: CanvasRenderingContext2D, { model, view, layout, palette }: BaseDrawInput) {
  ctx.font = `${LABEL_FONT_PX}px ${FONT_FAMILY}`;
  ctx.fillStyle = palette.label;
  const measure = (t: string) => ctx.measureText(t).width;
  const rowMax = layout.rowLabelWidth - 6;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let a = 0; a < view.rows.length; a += layout.rowStride) {
    const text = truncateLabel(model.names[view.rows[a]], rowMax, measure);
    ctx.fillText(text, layout.gridX - 4, layout.gridY + (a + 0.5) * layout.cell);
  }
  const colMax = layout.colLabelHeight - 6;
  ctx.save();
  ctx.translate(layout.gridX, layout.gridY - 4);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'left';
  for (let b = 0; b < view.cols.length; b += layout.colStride) {
    const text = truncateLabel(model.names[view.cols[b]], colMax, measure);
    ctx.fillText(text, 0, (b + 0.5) * layout.cell);
  }
  ctx.restore();
}

function drawDendrograms(ctx: CanvasRenderingContext2D, { model, view, layout, palette }: BaseDrawInput) {
  const segs = dendrogramSegments(model, view.rows);
  if (segs.length === 0 || layout.dendro === 0) {
    return;
  }
  const d = layout.dendro - 4;
  ctx.strokeStyle = palette.labelWeak;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const s of segs) {
    // Left: leaves at the labels, root towards the panel edge.
    ctx.moveTo(layout.dendro - s.y1 * d, layout.gridY + s.x1 * layout.cell);
    ctx.lineTo(layout.dendro - s.y2 * d, layout.gridY + s.x2 * layout.cell);
    // Top: the same tree over the columns (same order in the square view).
    ctx.moveTo(layout.gridX + s.x1 * layout.cell, layout.dendro - s.y1 * d);
    ctx.lineTo(layout.gridX + s.x2 * layout.cell, layout.dendro - s.y2 * d);
  }
  ctx.stroke();
}

function drawLegend(ctx: CanvasRenderingContext2D, { layout, palette }: BaseDrawInput) {
  const gridH = layout.cell * layout.nRows;
  const h = Math.max(60, Math.min(gridH, 220));
  const top = layout.gridY;
  const x = layout.legendX;
  const w = 10;
  for (let i = 0; i < SCALE_STEPS; i++) {
    ctx.fillStyle = palette.cells[SCALE_STEPS - 1 - i];
    const y0 = top + (i * h) / SCALE_STEPS;
    ctx.fillRect(x, Math.floor(y0), w, Math.ceil(h / SCALE_STEPS) + 1);
  }
  ctx.strokeStyle = palette.line;
  ctx.strokeRect(x + 0.5, top + 0.5, w - 1, h - 1);
  ctx.font = `${LABEL_FONT_PX}px ${FONT_FAMILY}`;
  ctx.fillStyle = palette.labelWeak;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const v of [1, 0.5, 0, -0.5, -1]) {
    const y = top + ((1 - v) / 2) * h;
    ctx.fillRect(x + w, Math.round(y), 3, 1);
    ctx.fillText(formatR(v, v === 0 || Math.abs(v) === 1 ? 0 : 1), x + w + 5, y);
  }
  ctx.textBaseline = 'bottom';
  ctx.fillText('r', x, top - 4);
}

export interface OverlayInput {
  layout: MatrixLayoutBox;
  palette: MatrixPalette;
  active: { a: number; b: number } | null;
}

/** The hover layer: row/column bands and a focus ring. A handful of fills, whatever the matrix size. */
export function drawOverlay(ctx: CanvasRenderingContext2D, { layout, palette, active }: OverlayInput) {
  if (!active) {
    return;
  }
  const { gridX, gridY, cell, nRows, nCols } = layout;
  const x0 = edge(gridX, cell, active.b);
  const y0 = edge(gridY, cell, active.a);
  const w = Math.max(2, edge(gridX, cell, active.b + 1) - x0);
  const h = Math.max(2, edge(gridY, cell, active.a + 1) - y0);
  ctx.fillStyle = palette.band;
  ctx.fillRect(layout.dendro, y0, gridX + nCols * cell - layout.dendro, h);
  ctx.fillRect(x0, layout.dendro, w, gridY + nRows * cell - layout.dendro);
  ctx.strokeStyle = palette.focus;
  ctx.lineWidth = 2;
  ctx.strokeRect(x0 - 1, y0 - 1, w + 2, h + 2);
}
