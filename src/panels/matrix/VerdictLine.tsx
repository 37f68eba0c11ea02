import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, locationUtil, textUtil } from '@grafana/data';
import { Badge, BadgeColor, LinkButton, useStyles2 } from '@grafana/ui';
import { incidentPath, type BaselineParam } from '../../app/incident/incidentUrl';
import type { VerdictKind } from '../../shared/frameContract';
import { DEFAULT_PRECEDING_FACTOR } from '../../stats';
import type { VerdictFrameData } from '../../shared/frames';
import { oneLineSmallText } from '../common/textStyles';

/** Verdicts shown as their own line; the rest are counted. */
export const MAX_VERDICT_LINES = 2;

/** What a reader must see first when only two lines fit: an answer before "inconclusive", "no change" last. */
const URGENCY: Record<VerdictKind, number> = {
  infrastructure: 0,
  confounded: 1,
  'data drift': 2,
  inconclusive: 3,
  'no change': 4,
};

/** The verdicts in that order, the data source's order within one kind. */
export function byUrgency<T extends { kind: VerdictKind }>(verdicts: readonly T[]): T[] {
  return verdicts
    .map((v, i) => ({ v, i }))
    .sort((a, b) => URGENCY[a.v.kind] - URGENCY[b.v.kind] || a.i - b.i)
    .map(({ v }) => v);
}
const LINE_PX = 24;

/** Badge colours by verdict, from Grafana's badge palette (theme-aware). */
const BADGE: Record<VerdictKind, BadgeColor> = {
  infrastructure: 'orange',
  'data drift': 'purple',
  confounded: 'blue',
  inconclusive: 'darkgrey',
  'no change': 'green',
};

/** Height the line takes above the matrix, so the matrix gets the rest. */
export function verdictLineHeight(data: VerdictFrameData | undefined): number {
  if (!data || data.verdicts.length === 0) {
    return 0;
  }
  const shown = Math.min(MAX_VERDICT_LINES, data.verdicts.length);
  return LINE_PX * (shown + (data.verdicts.length > shown ? 1 : 0));
}

function baselineParam(b: VerdictFrameData['meta']['baseline']): BaselineParam | undefined {
  if (b.kind === 'preceding') {
    return { kind: 'preceding', factor: b.factor ?? DEFAULT_PRECEDING_FACTOR };
  }
  return b.shift === '1d' || b.shift === '7d' ? { kind: 'shifted', shift: b.shift } : undefined;
}

/** The incident page for the panel's window, its query's data source and the panel itself. */
export function incidentHref(data: VerdictFrameData, dashboard?: string, panel?: number): string {
  const { incident, datasourceUid } = data.meta;
  const baseline = baselineParam(data.meta.baseline);
  const path = incidentPath({
    from: String(Math.round(incident.from)),
    to: String(Math.round(incident.to)),
    ...(baseline ? { baseline } : {}),
    ds: datasourceUid,
    dashboard,
    panel,
  });
  // Grafana served under a sub-path: its link handler routes the prefixed URL inside the app. Sanitized
  // where it becomes an href.
  return locationUtil.assureBaseUrl(path);
}

interface Props {
  data: VerdictFrameData;
  dashboard?: string;
  panel?: number;
}

/** One line per model signal above the matrix: the verdict as a badge, its sentence as text, and a link to the incident page. */
export function VerdictLine({ data, dashboard, panel }: Props) {
  const styles = useStyles2(getStyles);
  if (data.verdicts.length === 0) {
    return null;
  }
  const shown = byUrgency(data.verdicts).slice(0, MAX_VERDICT_LINES);
  const more = data.verdicts.length - shown.length;
  const link = (
    <LinkButton
      href={textUtil.sanitizeUrl(incidentHref(data, dashboard, panel))}
      size="sm"
      fill="text"
      icon="search"
      className={styles.link}
      data-testid="infradrift-verdict-open"
    >
      Open incident
    </LinkButton>
  );
  return (
    <div className={styles.block} data-testid="infradrift-verdict-line" title={data.meta.caution}>
      {shown.map((v, i) => (
        <div key={v.target} className={styles.line} data-testid="infradrift-verdict">
          <Badge text={v.kind} color={BADGE[v.kind]} className={styles.badge} />
          <span className={styles.sentence} title={v.sentence}>
            {v.sentence}
          </span>
          {i === 0 && link}
        </div>
      ))}
      {more > 0 && (
        <div className={styles.line}>
          <span className={styles.more}>{`+${more} more: open the incident for every model signal`}</span>
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  block: css({ display: 'flex', flexDirection: 'column' }),
  line: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    height: LINE_PX,
    minWidth: 0,
  }),
  badge: css({ flex: 'none' }),
  sentence: css({ flex: '1 1 auto', ...oneLineSmallText(theme, 'primary') }),
  more: css(oneLineSmallText(theme, 'secondary')),
  link: css({ flex: 'none' }),
});
