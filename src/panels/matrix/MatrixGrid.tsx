import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { CellTooltip } from './CellTooltip';
import { drawBase, drawOverlay, FONT_FAMILY, prepareCanvas } from './draw';
import { computeLayout, hitTest, LABEL_FONT_PX, labelHit, Measure } from './model/geometry';
import { CellInfo, cellInfo, MatrixModel } from './model/matrixModel';
import { buildPalette } from './model/palette';
import { isVisible, moveActive, MatrixView } from './model/view';
import type { MatrixOptions } from './types';

interface Props {
  model: MatrixModel;
  view: MatrixView;
  options: MatrixOptions;
  width: number;
  height: number;
  decimals: number;
  onOpen: (cell: CellInfo) => void;
  /** Escape on the grid: the panel closes its drill-down (focus may still be on the grid). */
  onEscape: () => void;
}

type Active = { a: number; b: number };

/** Text width from a scratch canvas, or an estimate where there is no canvas (jsdom). */
function makeMeasure(): Measure {
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!ctx) {
    return (t) => t.length * LABEL_FONT_PX * 0.6;
  }
  ctx.font = `${LABEL_FONT_PX}px ${FONT_FAMILY}`;
  return (t) => ctx.measureText(t).width;
}

/**
 * The canvas heatmap with hover, keyboard navigation and tooltip. Two stacked canvases: the base is
 * redrawn only when data, options, size or theme change; hover redraws the small overlay only.
 */
export function MatrixGrid({ model, view, options, width, height, decimals, onOpen, onEscape }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const [hovered, setActive] = useState<Active | null>(null);
  // New data or options can hide the active cell: derive, do not sync with an effect.
  const active = hovered && isVisible(view, hovered.a, hovered.b) ? hovered : null;
  const [labelTip, setLabelTip] = useState<{ text: string; x: number; y: number } | null>(null);

  const palette = useMemo(() => buildPalette(theme, options.reverseColors), [theme, options.reverseColors]);
  const showDendrogram = options.clusterOrder && options.showDendrogram && view.square && model.dendrogram.length > 0;
  const layout = useMemo(() => {
    const measure = makeMeasure();
    return computeLayout({
      width,
      height,
      rows: view.rows.map((i) => model.names[i]),
      cols: view.cols.map((i) => model.names[i]),
      dendrogram: showDendrogram,
      measure,
    });
  }, [width, height, view, model, showDendrogram]);

  useEffect(() => {
    const canvas = baseRef.current;
    const ctx = canvas && prepareCanvas(canvas, width, height);
    if (!ctx || !canvas) {
      return;
    }
    const t0 = performance.now();
    drawBase(ctx, {
      model,
      view,
      layout,
      palette,
      significance: options.significance,
      showValues: options.showValues,
      showDendrogram,
      decimals,
    });
    canvas.dataset.lastDrawMs = (performance.now() - t0).toFixed(2);
  }, [model, view, layout, palette, options.significance, options.showValues, showDendrogram, decimals, width, height]);

  useEffect(() => {
    const canvas = overlayRef.current;
    if (!canvas) {
      return;
    }
    // Timed from the start of the redraw, so the benchmark sees what a hover costs.
    const t0 = performance.now();
    const ctx = prepareCanvas(canvas, width, height);
    if (!ctx) {
      return;
    }
    drawOverlay(ctx, { layout, palette, active });
    canvas.dataset.lastDrawMs = (performance.now() - t0).toFixed(3);
  }, [active, layout, palette, width, height]);

  const onMove = useCallback(
    (e: React.MouseEvent<HTMLCanvasElement>) => {
      const rect = e.currentTarget.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      const hit = hitTest(layout, x, y);
      const next = hit && isVisible(view, hit.a, hit.b) ? hit : null;
      setActive((cur) => (cur?.a === next?.a && cur?.b === next?.b ? cur : next));
      const lh = next ? null : labelHit(layout, x, y);
      const text = lh ? model.names[lh.axis === 'row' ? view.rows[lh.index] : view.cols[lh.index]] : undefined;
      setLabelTip((cur) => (text === undefined ? null : cur?.text === text ? cur : { text, x, y }));
    },
    [layout, view, model]
  );

  const current = active ? cellInfo(model, view.rows[active.a], view.cols[active.b]) : null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (current) {
        e.preventDefault();
        onOpen(current);
      }
      return;
    }
    if (e.key === 'Escape') {
      setActive(null);
      onEscape();
      return;
    }
    if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setActive((cur) => moveActive(view, cur, e.key));
    }
  };

  const tipStyle = active
    ? tooltipPosition(layout.gridX + (active.b + 1) * layout.cell, layout.gridY + active.a * layout.cell, width, height)
    : undefined;
  return (
    <div
      className={styles.wrapper}
      style={{ width, height }}
      tabIndex={0}
      role="grid"
      aria-label="Correlation matrix. Arrow keys move between cells, Enter opens details, Escape clears."
      aria-rowcount={view.rows.length}
      aria-colcount={view.cols.length}
      onKeyDown={onKeyDown}
      onFocus={() => setActive((cur) => cur ?? moveActive(view, null, ''))}
      data-testid="infradrift-matrix-grid"
    >
      <canvas
        ref={baseRef}
        className={styles.canvas}
        style={{ width, height }}
        data-testid="infradrift-matrix-base"
        aria-hidden
      />
      <canvas
        ref={overlayRef}
        className={styles.canvas}
        style={{ width, height, cursor: active ? 'pointer' : 'default' }}
        data-testid="infradrift-matrix-overlay"
        data-layout={JSON.stringify({ gridX: layout.gridX, gridY: layout.gridY, cell: layout.cell })}
        onMouseMove={onMove}
        onMouseLeave={() => {
          setActive(null);
          setLabelTip(null);
        }}
        onClick={() => current && onOpen(current)}
        aria-hidden
      />
      <div className={styles.live} aria-live="polite" role="status">
        {current ? `${current.a} and ${current.b}: r ${current.r === null ? 'none' : current.r.toFixed(decimals)}` : ''}
      </div>
      {current && tipStyle && (
        <div className={styles.tip} style={tipStyle}>
          <CellTooltip cell={current} decimals={decimals} adjusted={model.adjust !== 'none'} />
        </div>
      )}
      {labelTip && (
        <div
          className={styles.labelTip}
          style={tooltipPosition(labelTip.x + 8, labelTip.y + 8, width, height)}
          data-testid="infradrift-matrix-label-tip"
        >
          {labelTip.text}
        </div>
      )}
    </div>
  );
}

/** Rough tooltip height (names + 8 rows + lead line); enough to keep it inside the panel. */
const TIP_HEIGHT = 270;

/** Keep the tooltip inside the panel: flip to the left of the cell on the right half, clamp vertically. */
function tooltipPosition(x: number, y: number, width: number, height: number): React.CSSProperties {
  const style: React.CSSProperties = { top: Math.max(0, Math.min(y, height - TIP_HEIGHT)) };
  if (x > width * 0.55) {
    style.right = Math.max(0, width - x + 24);
  } else {
    style.left = x + 8;
  }
  return style;
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({
    position: 'relative',
    outline: 'none',
    '&:focus-visible': { boxShadow: `inset 0 0 0 2px ${theme.colors.primary.border}` },
  }),
  canvas: css({ position: 'absolute', left: 0, top: 0 }),
  tip: css({ position: 'absolute', zIndex: 2 }),
  labelTip: css({
    position: 'absolute',
    zIndex: 2,
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.weak}`,
    padding: theme.spacing(0.5, 1),
    fontSize: theme.typography.bodySmall.fontSize,
    maxWidth: 360,
    wordBreak: 'break-all',
    pointerEvents: 'none',
  }),
  live: css({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }),
});
