import React, { useEffect, useMemo, useState } from 'react';
import { css, cx } from '@emotion/css';
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
import { histogramSource } from '../common/histogramSource';
import { LagChart } from '../common/LagChart';
import { useWidth } from '../common/useWidth';
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

/** Chart width before the drawer is measured (and in jsdom). */
const CHART_W = 640;
/** Below this drawer width the numbers go two to a row. */
const NARROW = 480;

/** Details of one pair: the sentence, the numbers, both series, a scatter and the lag curve. */
export function DrillDown({
  cell,
  signals,
  frames,
  timeRange,
  stepMs,
  maxLag,
  decimals,
  method,
  controls,
  onClose,
}: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  // Charts take the drawer's width, whatever the window and however far the drawer edge is dragged.
  const [measured, chartW] = useWidth(CHART_W);
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
  // Drift rows carry short names; the full selectors behind them stay readable here.
  const sources = [
    [cell.a, histogramSource(signalA)],
    [cell.b, histogramSource(signalB)],
  ].filter((s): s is [string, string] => s[1] !== undefined && s[0] !== s[1]);
  const numbers: Array<[string, string]> = [
    ['r', formatR(cell.r, decimals)],
    [
      '95% CI',
      cell.ciLow !== null && cell.ciHigh !== null
        ? `${formatR(cell.ciLow, decimals)} to ${formatR(cell.ciHigh, decimals)}`
        : '–',
    ],
    ['p', formatP(cell.p)],
    ['q', cell.q === null ? 'not adjusted' : formatP(cell.q)],
    ['n', formatCount(cell.n)],
    ['effective n', formatCount(cell.nEff)],
    ['best lag', cell.bestLagSeconds === null ? '–' : formatDuration(cell.bestLagSeconds)],
    ['r at best lag', formatR(cell.rAtBestLag, decimals)],
  ];

  return (
    <Drawer title={`${cell.a} vs ${cell.b}`} onClose={onClose} size="md">
      <div data-testid="infradrift-drilldown" className={styles.body} ref={measured}>
        <p className={styles.sentence} data-testid="infradrift-drilldown-sentence">
          {sentence}
        </p>
        {sources.length > 0 && (
          <ul className={styles.sources} data-testid="infradrift-drilldown-sources">
            {sources.map(([name, selector]) => (
              <li key={name}>
                <span className={styles.muted}>{`${name}: drift of `}</span>
                <code>{selector}</code>
              </li>
            ))}
          </ul>
        )}
        <dl className={cx(styles.numbers, chartW < NARROW && styles.numbersNarrow)}>
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
              <LinkButton
                key={name}
                href={textUtil.sanitizeUrl(url)}
                icon="compass"
                variant="secondary"
                size="sm"
                fill="outline"
                className={styles.linkButton}
                title={`Explore ${name}`}
              >
                {`Explore ${name}`}
              </LinkButton>
            ) : null;
          })}
        </div>
        <h4 className={styles.h}>
          Both series (standardised
          {cell.bestLagSeconds
            ? `, ${cell.b} shifted by ${formatDuration(alignmentShift(cell.bestLagSeconds ?? 0))}`
            : ''}
          )
        </h4>
        {overlay && scatter ? (
          <>
            <div className={styles.legend}>
              <span style={{ color: theme.visualization.getColorByName('blue') }}>━ {cell.a}</span>
              <span style={{ color: theme.visualization.getColorByName('orange') }}>━ {cell.b}</span>
            </div>
            <SeriesOverlay a={overlay.a} b={overlay.b} width={chartW} height={180} />
            <h4
              className={styles.h}
            >{`Scatter at lag 0 (${formatCount(scatter.count)} points) with least-squares line`}</h4>
            <Scatter data={scatter} width={chartW} height={220} xLabel={cell.a} yLabel={cell.b} />
          </>
        ) : (
          <Alert
            severity="info"
            title="The series are not in the query result"
            data-testid="infradrift-drilldown-no-series"
          >
            Enable &apos;aligned series&apos; in the InfraDrift query to see both series and the scatter here.
          </Alert>
        )}
        <h4 className={styles.h}>Correlation against lag</h4>
        {lag.status === 'ready' ? (
          <LagChart
            series={[{ curve: lag.curve, color: theme.visualization.getColorByName('blue') }]}
            width={chartW}
            height={200}
            decimals={decimals}
            testId="infradrift-drilldown-lag"
          />
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
  // minWidth 0 and anywhere-wrapping: a long name (a raw selector has no spaces) wraps instead of widening the drawer.
  body: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0, overflowWrap: 'anywhere' }),
  sentence: css({ fontSize: theme.typography.h5.fontSize, margin: 0 }),
  sources: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    code: { whiteSpace: 'normal' },
  }),
  numbers: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: theme.spacing(1),
    margin: 0,
    dt: {
      color: theme.colors.text.secondary,
      fontSize: theme.typography.bodySmall.fontSize,
      fontWeight: theme.typography.fontWeightRegular,
    },
    dd: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  }),
  // Eight numbers: two rows of four, or four rows of two in a narrow drawer (never a ragged last row).
  numbersNarrow: css({ gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }),
  links: css({ display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' }),
  // A button's label does not wrap: a long name is cut with an ellipsis (the full name is its title and its text).
  linkButton: css({
    maxWidth: '100%',
    '& > span': { display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  }),
  h: css({ margin: theme.spacing(1, 0, 0), fontSize: theme.typography.h6.fontSize }),
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0, 2),
    fontSize: theme.typography.bodySmall.fontSize,
    '& > span': { minWidth: 0 },
  }),
  muted: css({ color: theme.colors.text.secondary }),
});
