import React from 'react';
import { css } from '@emotion/css';
import { AppRootProps, GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

/**
 * The app's landing page. It explains what the bundled plugins do; the work itself happens
 * in dashboards (the data source and the two panels).
 */
export function AppRoot(_props: AppRootProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.page} data-testid="infradrift-app-root">
      <h2>InfraDrift</h2>
      <p>
        When a model degrades, InfraDrift tells you whether the infrastructure (throttled CPU, evicted cache, hot GPU,
        memory pressure) or real data drift is behind it.
      </p>
      <ul>
        <li>
          <strong>InfraDrift Correlation</strong> data source: queries your Prometheus, computes drift scores,
          correlation matrices and lags in a Web Worker.
        </li>
        <li>
          <strong>Correlation matrix</strong> panel: clustered heatmap with significance and drill-down.
        </li>
        <li>
          <strong>Lag correlation</strong> panel: who leads whom, and by how much.
        </li>
      </ul>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    padding: theme.spacing(2),
    maxWidth: 900,
    color: theme.colors.text.primary,
  }),
});
