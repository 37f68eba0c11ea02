import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';

/**
 * The app's landing page. It explains what the bundled plugins do; the work itself happens
 * in dashboards (the data source and the two panels).
 */
export function OverviewPage() {
  const styles = useStyles2(getStyles);
  return (
    <PluginPage>
      <div className={styles.page} data-testid="infradrift-app-root">
        <h2>{t('overview.title', 'InfraDrift')}</h2>
        <p>
          {t(
            'overview.intro',
            'When a model degrades, InfraDrift tells you whether the infrastructure (throttled CPU, evicted cache, hot GPU, memory pressure) or real data drift is behind it.'
          )}
        </p>
        <ul>
          <li>
            <Trans i18nKey="overview.datasource">
              <strong>InfraDrift Correlation</strong> data source: queries your Prometheus, computes drift scores,
              correlation matrices and lags in a Web Worker.
            </Trans>
          </li>
          <li>
            <Trans i18nKey="overview.matrix-panel">
              <strong>Correlation matrix</strong> panel: clustered heatmap with significance and drill-down.
            </Trans>
          </li>
          <li>
            <Trans i18nKey="overview.lag-panel">
              <strong>Lag correlation</strong> panel: who leads whom, and by how much.
            </Trans>
          </li>
        </ul>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // No padding of its own: PluginPage lays out the page.
  page: css({
    maxWidth: 900,
    color: theme.colors.text.primary,
    '& ul': { paddingLeft: theme.spacing(3) },
  }),
});
