import React from 'react';
import { css } from '@emotion/css';
import { colorManipulator, GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { formatDuration, formatR } from './format';
import type { LagCurve } from './frames';
import { extent, fitText, linePath, linearScale, niceTicks } from './plot';
import { leadCaption, leadOf } from './words';

export interface LagSeries {
  curve: LagCurve;
  color: string;
}

interface Props {
  series: LagSeries[];
  width: number;
  height: number;
  /** Names for the sign convention under the axis; default: the first curve's pair. */
  leftLabel?: string;
  rightLabel?: string;
  /** Caption of the best lag(s) in words inside the plot (off for dense overlays). */
  showBestText?: boolean;
  decimals?: number;
  testId?: string;
}

// The right margin holds half of the last tick's label ("+15m").
const M = { left: 34, right: 16, top: 22, bottom: 36 };

/**
 * r(k) against lag with the no-correlation band, the best lag marked, and the sign convention
 * written under the axis ("← B leads" / "A leads →"). SVG with React text, never HTML.
 */
export function LagChart({
  series,
  width,
  height,
  leftLabel,
  rightLabel,
  showBestText = true,
  decimals = 2,
  testId,
}: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  if (series.length === 0 || width < 60 || height < 60) {
    return null;
  }
  const first = series[0].curve;
  const [x0, x1] = extent(
    series.map((s) => s.curve.lags),
    [-1, 1]
  );
  const sx = linearScale([x0, x1], [M.left, width - M.right]);
  const sy = linearScale([-1, 1], [height - M.bottom, M.top]);
  const stepS = first.stepMs / 1000;
  const xTicks = niceTicks(x0 / (stepS || 1), x1 / (stepS || 1), Math.max(2, Math.floor((width - M.left) / 60))).map(
    (k) => k * (stepS || 1)
  );
  const yTicks = height > 140 ? [-1, -0.5, 0, 0.5, 1] : [-1, 0, 1];
  const band = series.length === 1 ? first.band : Math.max(...series.map((s) => s.curve.band ?? 0));
  const bandFill = colorManipulator.alpha(theme.colors.text.primary, 0.08);
  const leftName = leftLabel ?? first.b;
  const rightName = rightLabel ?? first.a;
  // The convention labels share the bottom line with the centred axis caption on wide charts.
  const maxChars = Math.max(4, Math.floor((width - M.left) / (width > 360 ? 3 : 2) / 6) - 9);
  return (
    <svg
      width={width}
      height={height}
      className={styles.svg}
      data-testid={testId ?? 'infradrift-lag-chart'}
      role="img"
      aria-label={`Lag correlation of ${first.a} and ${first.b}`}
    >
      {band !== null && band > 0 && (
        <rect
          x={M.left}
          width={width - M.left - M.right}
          y={sy(Math.min(1, band))}
          height={sy(-Math.min(1, band)) - sy(Math.min(1, band))}
          fill={bandFill}
        >
          <title>{`95% band under no cross-correlation: ±${formatR(band, decimals)}`}</title>
        </rect>
      )}
      {yTicks.map((v) => (
        <g key={`y${v}`}>
          <line
            x1={M.left}
            x2={width - M.right}
            y1={sy(v)}
            y2={sy(v)}
            className={v === 0 ? styles.zero : styles.grid}
          />
          <text x={M.left - 4} y={sy(v)} className={styles.tick} textAnchor="end" dominantBaseline="middle">
            {formatR(v, v === 0 || Math.abs(v) === 1 ? 0 : 1)}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <g key={`x${v}`}>
          <line
            x1={sx(v)}
            x2={sx(v)}
            y1={M.top}
            y2={height - M.bottom}
            className={v === 0 ? styles.zero : styles.grid}
          />
          <text x={sx(v)} y={height - M.bottom + 12} className={styles.tick} textAnchor="middle">
            {formatDuration(v)}
          </text>
        </g>
      ))}
      {series.map(({ curve, color }, i) => (
        <g key={i}>
          <path d={linePath(curve.lags, curve.r, sx, sy)} fill="none" stroke={color} strokeWidth={1.5} />
          {curve.bestLagSeconds !== null && curve.bestR !== null && (
            <g data-testid="infradrift-best-lag">
              <line
                x1={sx(curve.bestLagSeconds)}
                x2={sx(curve.bestLagSeconds)}
                y1={M.top}
                y2={height - M.bottom}
                stroke={color}
                strokeDasharray="3 3"
              />
              <circle cx={sx(curve.bestLagSeconds)} cy={sy(curve.bestR)} r={3.5} fill={color} />
              <title>{leadOf(curve, curve).text}</title>
            </g>
          )}
        </g>
      ))}
      {showBestText && series.length === 1 && first.bestLagSeconds !== null && first.bestR !== null && (
        <text x={M.left} y={12} className={styles.best} data-testid="infradrift-best-lag-text">
          <title>{leadOf(first, first).text}</title>
          {`${leadCaption(first, first, fitText, Math.floor((width - M.left) / 6.2) - 12)} (r = ${formatR(first.bestR, decimals)})`}
        </text>
      )}
      {width > 360 && stepS > 0 && (
        <text x={(M.left + width - M.right) / 2} y={height - 6} className={styles.convention} textAnchor="middle">
          {`lag (1 step = ${formatDuration(stepS)})`}
        </text>
      )}
      <text x={M.left} y={height - 6} className={styles.convention} textAnchor="start">
        <title>{`Negative lag: ${leftName} leads`}</title>
        {`← ${fitText(leftName, maxChars)} leads`}
      </text>
      <text x={width - M.right} y={height - 6} className={styles.convention} textAnchor="end">
        <title>{`Positive lag: ${rightName} leads`}</title>
        {`${fitText(rightName, maxChars)} leads →`}
      </text>
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ display: 'block', overflow: 'visible' }),
  grid: css({ stroke: theme.colors.border.weak, strokeWidth: 1 }),
  zero: css({ stroke: theme.colors.border.strong, strokeWidth: 1 }),
  tick: css({ fill: theme.colors.text.secondary, fontSize: 10, fontVariantNumeric: 'tabular-nums' }),
  best: css({ fill: theme.colors.text.primary, fontSize: 11, fontWeight: theme.typography.fontWeightMedium }),
  convention: css({ fill: theme.colors.text.secondary, fontSize: 10 }),
});
