import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { charsIn, extent, fitText, linePath, linearScale, niceTicks, timeTicks } from '../common/plot';
import type { ScatterData, Standardized } from './model/pairData';

const M = { left: 40, right: 10, top: 10, bottom: 24 };

interface OverlayProps {
  a: Standardized;
  b: Standardized;
  width: number;
  height: number;
}

/** Both series as z-scores on one time axis; B already shifted by the best lag so matching moves line up. */
export function SeriesOverlay({ a, b, width, height }: OverlayProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const [t0, t1] = extent([a.times, b.times]);
  const [v0, v1] = extent([a.values, b.values], [-1, 1]);
  const sx = linearScale([t0, t1], [M.left, width - M.right]);
  const sy = linearScale([v0, v1], [height - M.bottom, M.top]);
  const span = t1 - t0;
  const fmt = span > 2 * 86400_000 ? 'MM-DD' : span > 86400_000 ? 'MM-DD HH:mm' : 'HH:mm';
  // A tick whose centred label would reach past either edge is left out (the chart must not draw outside itself).
  const half = (fmt.length * 6) / 2;
  const ticks = timeTicks(t0, t1, Math.max(2, Math.floor(width / 110))).filter(
    (t) => sx(t) - half >= 0 && sx(t) + half <= width
  );
  return (
    <svg
      width={width}
      height={height}
      data-testid="infradrift-drilldown-overlay"
      role="img"
      aria-label="Both series over time"
    >
      {niceTicks(v0, v1, 4).map((v) => (
        <g key={`y${v}`}>
          <line x1={M.left} x2={width - M.right} y1={sy(v)} y2={sy(v)} className={styles.grid} />
          <text x={M.left - 4} y={sy(v)} className={styles.tick} textAnchor="end" dominantBaseline="middle">
            {v}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <text key={`x${t}`} x={sx(t)} y={height - 6} className={styles.tick} textAnchor="middle">
          {dateTimeFormat(t, { format: fmt, timeZone: 'utc' })}
        </text>
      ))}
      <path
        d={linePath(a.times, a.values, sx, sy)}
        fill="none"
        stroke={theme.visualization.getColorByName('blue')}
        strokeWidth={1.2}
      />
      <path
        d={linePath(b.times, b.values, sx, sy)}
        fill="none"
        stroke={theme.visualization.getColorByName('orange')}
        strokeWidth={1.2}
      />
    </svg>
  );
}

interface ScatterProps {
  data: ScatterData;
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
}

/** A against B with the least-squares line. */
export function Scatter({ data, width, height, xLabel, yLabel }: ScatterProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const [x0, x1] = extent([data.x]);
  const [y0, y1] = extent([data.y]);
  const sx = linearScale([x0, x1], [M.left, width - M.right]);
  const sy = linearScale([y0, y1], [height - M.bottom - 12, M.top]);
  const dot = theme.visualization.getColorByName('blue');
  // Axis captions are shortened to the plot's width (the full names are in their <title>s and in the drawer's sentence).
  const captionChars = charsIn(width - M.left - M.right - 8, 11) - 3;
  return (
    <svg
      width={width}
      height={height}
      data-testid="infradrift-drilldown-scatter"
      role="img"
      aria-label={`${xLabel} against ${yLabel}`}
    >
      {niceTicks(y0, y1, 4).map((v) => (
        <g key={`y${v}`}>
          <line x1={M.left} x2={width - M.right} y1={sy(v)} y2={sy(v)} className={styles.grid} />
          <text x={M.left - 4} y={sy(v)} className={styles.tick} textAnchor="end" dominantBaseline="middle">
            {compact(v)}
          </text>
        </g>
      ))}
      {niceTicks(x0, x1, 4).map((v) => (
        <text key={`x${v}`} x={sx(v)} y={height - M.bottom + 2} className={styles.tick} textAnchor="middle">
          {compact(v)}
        </text>
      ))}
      {data.x.map((x, i) => (
        <circle key={i} cx={sx(x)} cy={sy(data.y[i])} r={1.8} fill={dot} fillOpacity={0.45} />
      ))}
      {data.fit && (
        <line
          x1={sx(x0)}
          x2={sx(x1)}
          y1={sy(data.fit.intercept + data.fit.slope * x0)}
          y2={sy(data.fit.intercept + data.fit.slope * x1)}
          stroke={theme.colors.text.primary}
          strokeWidth={1.5}
          data-testid="infradrift-fit-line"
        />
      )}
      <text x={width - M.right} y={height - 4} className={styles.axis} textAnchor="end">
        <title>{`x: ${xLabel}`}</title>
        {`x: ${fitText(xLabel, captionChars)}`}
      </text>
      <text x={M.left + 4} y={M.top + 10} className={styles.axis}>
        <title>{`y: ${yLabel}`}</title>
        {`y: ${fitText(yLabel, captionChars)}`}
      </text>
    </svg>
  );
}

/** Short tick text for any magnitude (bytes, ratios, PSI). */
function compact(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e9) {
    return `${+(v / 1e9).toPrecision(3)}G`;
  }
  if (abs >= 1e6) {
    return `${+(v / 1e6).toPrecision(3)}M`;
  }
  if (abs >= 1e3) {
    return `${+(v / 1e3).toPrecision(3)}k`;
  }
  return String(+v.toPrecision(3));
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ stroke: theme.colors.border.weak }),
  tick: css({ fill: theme.colors.text.secondary, fontSize: 10, fontVariantNumeric: 'tabular-nums' }),
  axis: css({ fill: theme.colors.text.secondary, fontSize: 11 }),
});
