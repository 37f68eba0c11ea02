import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { SparkData, SparkSlice } from '../../incident/changes';
import { extent, linePath, linearScale } from '../../../panels/common/plot';

interface Props {
  data: SparkData;
  name: string;
  width?: number;
  height?: number;
}

/** Pixels between the two windows: a shifted baseline lies a day or a week before, not next to the incident. */
const GAP = 6;

/**
 * A signal in the baseline and in the incident, side by side on one value scale, each window shaded
 * (baseline neutral, incident in the warning colour). Width per window follows its duration.
 */
export function Sparkline({ data, name, width = 160, height = 28 }: Props) {
  const styles = useStyles2(getStyles);
  const slices: Array<[SparkSlice, string]> = [
    [data.baseline, styles.baseline],
    [data.incident, styles.incident],
  ];
  const total = slices.reduce((s, [w]) => s + Math.max(1, w.to - w.from), 0);
  const sy = linearScale(extent([data.baseline.values, data.incident.values]), [height - 2, 2]);
  let x = 0;
  return (
    <svg width={width} height={height} role="img" aria-label={`${name}: baseline and incident`} className={styles.svg}>
      {slices.map(([w, className], i) => {
        const span = ((width - GAP) * Math.max(1, w.to - w.from)) / total;
        const sx = linearScale([w.from, w.to], [x, x + span]);
        const g = (
          <g key={i}>
            <rect x={x} y={0} width={span} height={height} className={className} />
            <path d={linePath(w.times, w.values, sx, sy)} className={styles.line} />
          </g>
        );
        x += span + GAP;
        return g;
      })}
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ display: 'block' }),
  baseline: css({ fill: theme.colors.background.secondary }),
  incident: css({ fill: theme.colors.warning.transparent }),
  line: css({ fill: 'none', stroke: theme.colors.text.primary, strokeWidth: 1 }),
});
