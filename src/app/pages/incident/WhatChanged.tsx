import React, { useState } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import type { AnalyzeResult, CompareResult } from '../../../stats';
import { changeRows, sparkData } from '../../incident/changes';
import { Sparkline } from './Sparkline';

/** Rows shown before "Show all": enough for a page, the rest one keypress away. */
const FIRST_ROWS = 15;

/** Every signal ranked by the engine (changed first by q, then by change score), each with its sparkline. */
export function WhatChanged({ result, compare }: { result: AnalyzeResult; compare: CompareResult }) {
  const styles = useStyles2(getStyles);
  const [all, setAll] = useState(false);
  const rows = changeRows(compare);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <section aria-labelledby="infradrift-what-changed" className={styles.section}>
      <h3 id="infradrift-what-changed">{t('incident.changed.title', 'What changed')}</h3>
      <p className={styles.muted}>
        {t(
          'incident.changed.legend',
          'Signals ranked by change against the baseline (q-values across signals). Sparklines: baseline shaded grey, incident shaded amber.'
        )}
      </p>
      <table className={styles.table} data-testid="infradrift-what-changed">
        <thead>
          <tr>
            <th scope="col">{t('incident.changed.signal', 'Signal')}</th>
            <th scope="col">{t('incident.changed.q', 'q')}</th>
            <th scope="col">{t('incident.changed.score', 'Change score')}</th>
            <th scope="col">{t('incident.changed.effect', 'Effect')}</th>
            <th scope="col">{t('incident.changed.spark', 'Baseline | incident')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const spark = sparkData(result, row.id);
            return (
              <tr key={row.id} className={cx(row.changed && styles.changed)} data-testid="infradrift-change-row">
                <td className={styles.name}>
                  {row.name}
                  {row.changed ? ` · ${t('incident.changed.flag', 'changed')}` : ''}
                </td>
                <td>{row.qText}</td>
                <td>{row.reason ? row.reason : row.scoreText}</td>
                <td>{row.effectText}</td>
                <td>{spark ? <Sparkline data={spark} name={row.name} /> : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > FIRST_ROWS && (
        <Button variant="secondary" size="sm" fill="text" onClick={() => setAll(!all)}>
          {all
            ? t('incident.changed.fewer', 'Show the first {{count}}', { count: FIRST_ROWS })
            : t('incident.changed.all', 'Show all {{count}}', { count: rows.length })}
        </Button>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginBottom: theme.spacing(3) }),
  muted: css({ color: theme.colors.text.secondary }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontVariantNumeric: 'tabular-nums',
    '& th, & td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      verticalAlign: 'middle',
    },
    '& th': { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  name: css({ overflowWrap: 'anywhere', maxWidth: 420 }),
  changed: css({ fontWeight: theme.typography.fontWeightMedium }),
});
