import React, { useCallback, useMemo } from 'react';
import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, PanelProps, TimeRange } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { PanelMessage } from '../../shared/PanelMessage';
import { CreateAlertButton } from '../common/alert/CreateAlertButton';
import { lagChoice } from '../common/alert/lagChoice';
import { signalLabels } from '../common/alert/signalLabels';
import { lagCurves, LagCurve } from '../common/frames';
import { LagChart } from '../common/LagChart';
import { oneLineSmallText } from '../common/textStyles';
import { PanelState } from '../common/PanelStates';
import { SeriesForRequest, useComputedFrames } from '../common/useComputedFrames';
import { leadOf } from '../common/words';
import { lagRequest, resolveTarget } from './request';
import { LagOptions } from './types';

const EMPTY_HINT =
  'Query the InfraDrift Correlation data source with the lags output, or any data source returning two or more time series.';
const MIN_CELL_W = 250;
const MIN_CELL_H = 150;

/** Strongest pairs first: the ones an SRE looks at. */
function byStrength(curves: LagCurve[]): LagCurve[] {
  return [...curves].sort((x, y) => Math.abs(y.bestR ?? 0) - Math.abs(x.bestR ?? 0));
}

/** Lag correlation panel: r against lag for one or several pairs, with band, best lag and sign convention. */
export function LagPanel({ id, data, width, height, options, fieldConfig, timeRange }: PanelProps<LagOptions>) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const makeRequest = useCallback(
    (input: SeriesForRequest, stepMs: number | undefined) => lagRequest(input, stepMs, options),
    [options]
  );
  const computed = useComputedFrames(data, `lag-panel-${id}`, `${options.target}|${options.maxLag}`, makeRequest);
  const frames = computed.status === 'ready' ? computed.frames : undefined;
  const all = useMemo(() => (frames ? byStrength(lagCurves(frames)) : []), [frames]);
  const decimals = fieldConfig?.defaults?.decimals ?? 2;

  const wrap = (node: React.ReactNode) => (
    <div style={{ width, height }} data-testid="infradrift-lag-panel" className={styles.panel}>
      {node}
    </div>
  );
  if (computed.status !== 'ready') {
    return wrap(<PanelState state={computed} emptyHint={EMPTY_HINT} minSeries={2} />);
  }
  if (all.length === 0) {
    return wrap(
      <PanelMessage
        title="No lag curves in the query result"
        hint="Set the InfraDrift query's output to include lags (with curves), or query plain time series and pick a target series in the panel options."
      />
    );
  }
  const curves = all.slice(0, Math.max(1, options.maxPairs));
  const notes: string[] = [];
  if (computed.computed) {
    const names = [...new Set(all.flatMap((c) => [c.a, c.b]))];
    const { target, fallback } = resolveTarget(names, options.target || all[0].b);
    notes.push(fallback ? `Target "${options.target}" not found; using ${target}.` : `Every series against ${target}.`);
  }
  if (all.length > curves.length) {
    notes.push(`Showing the ${curves.length} strongest of ${all.length} pairs.`);
  }
  const noteH = notes.length ? 20 : 0;
  const palette = theme.visualization.palette.map((name) => theme.visualization.getColorByName(name));

  if (options.layout === 'overlay') {
    const legendH = Math.min(18 * curves.length + 4, Math.round(height * 0.35));
    // Name the shared side of the pairs on the axis; the other side is "each series".
    const sameA = curves.every((c) => c.a === curves[0].a);
    const sameB = curves.every((c) => c.b === curves[0].b);
    return wrap(
      <>
        {noteH > 0 && <div className={styles.note}>{notes.join(' ')}</div>}
        <LagChart
          series={curves.map((curve, i) => ({ curve, color: palette[i % palette.length] }))}
          width={width}
          height={height - legendH - noteH}
          leftLabel={sameB ? curves[0].b : sameA ? 'each series' : 'B'}
          rightLabel={sameA ? curves[0].a : sameB ? 'each series' : 'A'}
          decimals={decimals}
        />
        <ul className={styles.legend} style={{ maxHeight: legendH }} data-testid="infradrift-lag-legend">
          {curves.map((c, i) => (
            <li key={`${c.a}|${c.b}`}>
              <CurveAlert curve={c} frames={frames ?? []} timeRange={timeRange} />
              <span style={{ color: palette[i % palette.length] }}>━</span> {`${c.a} → ${c.b}: ${leadOf(c, c).text}`}
            </li>
          ))}
        </ul>
      </>
    );
  }

  const cols = Math.max(1, Math.min(curves.length, Math.floor(width / MIN_CELL_W)));
  const rows = Math.ceil(curves.length / cols);
  const cellW = Math.floor(width / cols);
  const cellH = Math.max(MIN_CELL_H, Math.floor((height - noteH) / rows));
  return wrap(
    <>
      {noteH > 0 && <div className={styles.note}>{notes.join(' ')}</div>}
      <div
        className={styles.grid}
        style={{ height: height - noteH, gridTemplateColumns: `repeat(${cols}, ${cellW}px)` }}
      >
        {curves.map((c) => (
          <div key={`${c.a}|${c.b}`} className={styles.cell} data-testid="infradrift-lag-multiple">
            <div className={styles.titleRow}>
              <div className={styles.title} title={`${c.a} → ${c.b}`}>{`${c.a} → ${c.b}`}</div>
              <CurveAlert curve={c} frames={frames ?? []} timeRange={timeRange} />
            </div>
            <LagChart
              series={[{ curve: c, color: palette[0] }]}
              width={cellW - 8}
              height={cellH - 22}
              decimals={decimals}
            />
          </div>
        ))}
      </div>
    </>
  );
}

/** "Create alert" for one curve: Pearson r of the pair, with its best lag when outside the band. */
function CurveAlert({ curve, frames, timeRange }: { curve: LagCurve; frames: DataFrame[]; timeRange: TimeRange }) {
  return (
    <CreateAlertButton
      compact
      label={`Create alert: ${curve.a} → ${curve.b}`}
      range={timeRange}
      input={() => ({
        a: { name: curve.a, labels: signalLabels(frames, curve.a), provenance: curve.provenance?.a },
        b: { name: curve.b, labels: signalLabels(frames, curve.b), provenance: curve.provenance?.b },
        method: 'pearson',
        windowMs: timeRange.to.valueOf() - timeRange.from.valueOf(),
        stepMs: curve.stepMs,
        lag: lagChoice(curve, curve.a, curve.b),
      })}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  grid: css({ display: 'grid', overflowY: 'auto', overflowX: 'hidden' }),
  cell: css({ padding: theme.spacing(0, 0.5), minWidth: 0 }),
  titleRow: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), height: 18 }),
  title: css({ flex: 1, height: 18, ...oneLineSmallText(theme, 'primary') }),
  note: css({ height: 20, lineHeight: '20px', ...oneLineSmallText(theme, 'secondary') }),
  legend: css({
    listStyle: 'none',
    margin: 0,
    padding: theme.spacing(0, 1),
    overflowY: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    li: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  }),
});
