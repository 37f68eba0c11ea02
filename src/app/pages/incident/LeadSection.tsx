import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { CompareResult } from '../../../stats';
import { LagChart } from '../../../panels/common/LagChart';
import { useWidth } from '../../../panels/common/useWidth';
import { leadingLink, linkLagCurve } from '../../incident/compareViews';

/** The lag curve of the strongest link in the incident, with the engine's lead sentence under it. */
export function LeadSection({ compare, stepMs }: { compare: CompareResult; stepMs: number }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const [ref, width] = useWidth(640);
  const leading = leadingLink(compare);
  if (!leading) {
    return null;
  }
  const nameOf = (id: string) => compare.signals.find((s) => s.id === id)?.name ?? id;
  const names = { target: nameOf(leading.target), other: nameOf(leading.link.other) };
  const curve = linkLagCurve(leading.link, names, stepMs, compare.alpha, compare.incident.points);
  return (
    <section aria-labelledby="infradrift-lead" className={styles.section} ref={ref}>
      <h3 id="infradrift-lead">{t('incident.lead.title', 'Who leads')}</h3>
      <p className={styles.pair}>{`${names.other} · ${names.target}`}</p>
      {curve && (
        <LagChart
          series={[{ curve, color: theme.colors.primary.main }]}
          width={Math.min(width, 720)}
          height={220}
          showBestText={false}
          testId="infradrift-incident-lag-chart"
        />
      )}
      <p className={styles.sentence} data-testid="infradrift-incident-lead-text">
        {leading.link.lead.text}
      </p>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginBottom: theme.spacing(3) }),
  pair: css({ color: theme.colors.text.secondary, overflowWrap: 'anywhere' }),
  sentence: css({ marginTop: theme.spacing(1) }),
});
