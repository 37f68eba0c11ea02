import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, textUtil, TimeRange } from '@grafana/data';
import { Alert, Drawer, LinkButton, useStyles2, useTheme2 } from '@grafana/ui';
import type { MatrixMeta, SignalInfo } from '../../shared/frameContract';
import { alignmentShift } from '../../stats';
import { CreateAlertButton } from '../common/alert/CreateAlertButton';
import { lagChoice } from '../common/alert/lagChoice';
import { pairSide } from '../common/alert/pairAlert';
import { exploreUrl } from '../common/exploreLink';
import { formatCount, formatDuration, formatP, formatR } from '../common/format';
import { findLagCurve, lagCurves, seriesByName } from '../common/frames';
import { LagChart } from '../common/LagChart';
import { pairSentence } from '../common/words';
import { Scatter, SeriesOverlay } from './DrillDownCharts';
import type { CellInfo } from './model/matrixModel';
import { scatterPairs, zscore } from './model/pairData';
import { usePairLagCurve } from './usePairLagCurve';

interface Props {
  cell: CellInfo;
  signals: SignalInfo[];
  frames: DataFrame[];
  timeRange: TimeRange;
  stepMs: number;
  method: MatrixMeta['method'];
  /** Signals a partial correlation controlled for. */
  controls: string[];
  maxLag: number;
  decimals: number;
  onClose: () => void;
}

const CHART_W = 640;

/** Details of one pair: the sentence, the numbers, both series, a scatter and the lag curve. */
export function DrillDown({ cell, signals, frames, timeRange, stepMs, maxLag, decimals, method, controls, onClose }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const series = useMemo(() => seriesByName(frames), [frames]);
  const a = series.get(cell.a);
  const b = series.get(cell.b);
  const frameCurve = useMemo(() => findLagCurve(lagCurves(frames), cell.a, cell.b), [frames, cell.a, cell.b]);
  const lag = usePairLagCurve(frameCurve, a, b, maxLag, stepMs);
  const range = { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() };
  const [alertOpen, setAlertOpen] = useState(false);
  // Escape closes wherever focus is (the Drawer's own handler misses it when focus sits on its close button).
  useEffect(() => {
    // While the alert dialog is open, Escape is the dialog's.
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !alertOpen && onClose();
    // Capture phase: the Drawer stops the event before it bubbles to the document.
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onClose, alertOpen]);
  const lagMs = (cell.bestLagSeconds ?? 0) * 1000;
  const overlay = useMemo(() => (a && b ? { a: zscore(a), b: zscore(b, lagMs) } : undefined), [a, b, lagMs]);
  const scatter = useMemo(() => (a && b ? scatterPairs(a, b, 0) : undefined), [a, b]);
  const sentence = pairSentence(cell, decimals);
  const signalA = signals.find((s) => s.name === cell.a);
  const signalB = signals.find((s) => s.name === cell.b);
  const numbers: Array<[string, string]> = [
    ['r', formatR(cell.r, decimals)],
    ['95% CI', cell.ciLow !== null && cell.ciHigh !== null ? `${formatR(cell.ciLow, decimals)} to ${formatR(cell.ciHigh, decimals)}` : '–'],
    ['p', formatP(cell.p)],
    ['q', cell.q === null ? 'not adjusted' : formatP(cell.q)],
    ['n', formatCount(cell.n)],
    ['effective n', formatCount(cell.nEff)],
    ['best lag', cell.bestLagSeconds === null ? '–' : formatDuration(cell.bestLagSeconds)],
    ['r at best lag', formatR(cell.rAtBestLag, decimals)],
  ];

  return (
    <Drawer title={`${cell.a} vs ${cell.b}`} onClose={onClose} size="md">
      <div data-testid="infradrift-drilldown" className={styles.body}>
        <p className={styles.sentence} data-testid="infradrift-drilldown-sentence">
          {sentence}
        </p>
        <dl className={styles.numbers}>
          {numbers.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <div className={styles.links}>
          {cell.a !== cell.b && (
            <CreateAlertButton
              range={timeRange}
              onOpenChange={setAlertOpen}
              input={() => ({
                a: pairSide(cell.a, signalA),
                b: pairSide(cell.b, signalB),
                method,
                controls,
                windowMs: range.to - range.from,
                stepMs,
                lag: lagChoice(lag.status === 'ready' ? lag.curve : frameCurve, cell.a, cell.b),
              })}
            />
          )}
          {[signalA, signalB].map((s, i) => {
            const name = i === 0 ? cell.a : cell.b;
            const url = exploreUrl(s, range);
            return url ? (
              <LinkButton key={name} href={textUtil.sanitizeUrl(url)} icon="compass" variant="secondary" size="sm" fill="outline">
                {`Explore ${name}`}
              </LinkButton>
            ) : null;
          })}
        </div>
        <h4 className={styles.h}>Both series (standardised{cell.bestLagSeconds ? `, ${cell.b} shifted by ${formatDuration(alignmentShift(cell.bestLagSeconds ?? 0))}` : ''})</h4>
        {overlay && scatter ? (
          <>
            <div className={styles.legend}>
              <span style={{ color: theme.visualization.getColorByName('blue') }}>━ {cell.a}</span>
              <span style={{ color: theme.visualization.getColorByName('orange') }}>━ {cell.b}</span>
            </div>
            <SeriesOverlay a={overlay.a} b={overlay.b} width={CHART_W} height={180} />
            <h4 className={styles.h}>{`Scatter at lag 0 (${formatCount(scatter.count)} points) with least-squares line`}</h4>
            <Scatter data={scatter} width={CHART_W} height={220} xLabel={cell.a} yLabel={cell.b} />
          </>
        ) : (
          <Alert severity="info" title="The series are not in the query result" data-testid="infradrift-drilldown-no-series">
            Enable &apos;aligned series&apos; in the InfraDrift query to see both series and the scatter here.
          </Alert>
        )}
        <h4 className={styles.h}>Correlation against lag</h4>
        {lag.status === 'ready' ? (
          <LagChart series={[{ curve: lag.curve, color: theme.visualization.getColorByName('blue') }]} width={CHART_W} height={200} decimals={decimals} testId="infradrift-drilldown-lag" />
        ) : lag.status === 'running' ? (
          <p className={styles.muted}>Computing the lag curve…</p>
        ) : (
          <p className={styles.muted}>{`No lag curve: ${lag.why}.`}</p>
        )}
      </div>
    </Drawer>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  body: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  sentence: css({ fontSize: theme.typography.h5.fontSize, margin: 0, wordBreak: 'break-word' }),
  numbers: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: theme.spacing(1),
    margin: 0,
    dt: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, fontWeight: theme.typography.fontWeightRegular },
    dd: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  }),
  links: css({ display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' }),
  h: css({ margin: theme.spacing(1, 0, 0), fontSize: theme.typography.h6.fontSize }),
  legend: css({ display: 'flex', gap: theme.spacing(2), fontSize: theme.typography.bodySmall.fontSize, wordBreak: 'break-all' }),
  muted: css({ color: theme.colors.text.secondary }),
});
