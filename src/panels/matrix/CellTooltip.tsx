import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { formatCount, formatDuration, formatP, formatR } from '../common/format';
import type { CellInfo } from './model/matrixModel';

interface Props {
  cell: CellInfo;
  decimals: number;
  adjusted: boolean;
}

/** Numbers of one cell. Every label is React text: signal names can contain anything. */
export function CellTooltip({ cell, decimals, adjusted }: Props) {
  const styles = useStyles2(getStyles);
  const rows: Array<[string, string]> = [
    ['r', formatR(cell.r, decimals)],
    [
      '95% CI',
      cell.ciLow !== null && cell.ciHigh !== null
        ? `${formatR(cell.ciLow, decimals)} to ${formatR(cell.ciHigh, decimals)}`
        : '–',
    ],
    ['p', formatP(cell.p)],
    [adjusted ? 'q (FDR)' : 'q', cell.q === null ? 'not adjusted' : formatP(cell.q)],
    ['n', formatCount(cell.n)],
    ['effective n', formatCount(cell.nEff)],
    ['best lag', cell.bestLagSeconds === null ? '–' : formatDuration(cell.bestLagSeconds)],
    ['r at best lag', formatR(cell.rAtBestLag, decimals)],
  ];
  return (
    <div className={styles.box} data-testid="infradrift-matrix-tooltip">
      <div className={styles.names}>
        <div>{cell.a}</div>
        <div className={styles.vs}>vs</div>
        <div>{cell.b}</div>
      </div>
      {cell.reason && (
        // A cell can have an r but no p-value or CI (too few effective points): say which is missing.
        <div className={styles.reason}>
          {cell.r === null ? 'No value' : 'No p-value or CI'}: {cell.reason.replace(/_/g, ' ')}
        </div>
      )}
      <table className={styles.table}>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td data-testid={`tooltip-${k.replace(/\W+/g, '-')}`}>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cell.lead && (
        <div className={styles.lead} data-testid="infradrift-tooltip-lead">
          {cell.lead.text}
        </div>
      )}
      <div className={styles.hint}>Click or press Enter for details</div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.weak}`,
    boxShadow: theme.shadows.z2,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.primary,
    maxWidth: 320,
    pointerEvents: 'none',
  }),
  names: css({
    fontWeight: theme.typography.fontWeightMedium,
    wordBreak: 'break-all',
    marginBottom: theme.spacing(0.5),
  }),
  vs: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightRegular }),
  reason: css({ color: theme.colors.warning.text }),
  table: css({
    borderCollapse: 'collapse',
    th: {
      textAlign: 'left',
      fontWeight: theme.typography.fontWeightRegular,
      color: theme.colors.text.secondary,
      paddingRight: theme.spacing(2),
    },
    td: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  }),
  lead: css({ marginTop: theme.spacing(0.5), wordBreak: 'break-word' }),
  hint: css({ marginTop: theme.spacing(0.5), color: theme.colors.text.disabled }),
});
