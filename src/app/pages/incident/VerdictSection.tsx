import React from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor, useStyles2 } from '@grafana/ui';
import type { CompareResult, Verdict, VerdictKind } from '../../../stats';
import { formatP, formatR } from '../../../panels/common/format';
import { buildChecklist, type ChecklistGroup, type ChecklistRow, type RowStatus } from '../../incident/checklist';

const KIND_COLOR: Record<VerdictKind, BadgeColor> = {
  infrastructure: 'orange',
  'data drift': 'purple',
  confounded: 'blue',
  inconclusive: 'darkgrey',
  'no change': 'green',
};

function groupTitle(group: ChecklistGroup): string {
  switch (group) {
    case 'data':
      return t('incident.checklist.data', 'Data inputs (feature drift)');
    case 'predictions':
      return t('incident.checklist.predictions', 'Predictions (score drift, accuracy, conversion)');
    case 'dependencies':
      return t('incident.checklist.dependencies', 'Dependencies (errors, timeouts, latency)');
    case 'resources':
      return t('incident.checklist.resources', 'Resources (CPU, memory, GPU, cache)');
    case 'other':
      return t('incident.checklist.other', 'Other signals');
  }
}

function statusText(status: RowStatus): string {
  switch (status) {
    case 'fail':
      return t('incident.status.fail', 'fail');
    case 'investigate':
      return t('incident.status.investigate', 'investigate');
    case 'pass':
      return t('incident.status.pass', 'pass');
    case 'unknown':
      return t('incident.status.unknown', 'no number');
  }
}

/** "need at least 40 minutes of baseline" for an inconclusive verdict that says how long. */
export function neededText(neededMs: number): string {
  const minutes = Math.ceil(neededMs / 60000);
  return t('incident.verdict.needed', 'inconclusive: need at least {{minutes}} minutes of baseline', { minutes });
}

/** The row's numbers in one line: its change, and its link with the target in the incident. */
function rowEvidence(row: ChecklistRow): string {
  const c = row.change;
  const parts = [
    c.q === null
      ? `no change test (${c.reason ?? 'no number'})`
      : `changed: q ${formatP(c.q)}, score ${formatR(c.score)}`,
  ];
  const l = row.link;
  if (l) {
    parts.push(`incident r ${formatR(l.rIncident)} (q ${formatP(l.qIncident)}), before ${formatR(l.rBaseline)}`);
    if (l.partialR !== undefined && l.partialR !== null) {
      parts.push(`partial r ${formatR(l.partialR)}`);
    }
    if (l.lead.kind !== 'unavailable') {
      parts.push(l.lead.text);
    }
  }
  return parts.join('; ');
}

function Checklist({ compare, verdict }: { compare: CompareResult; verdict: Verdict }) {
  const styles = useStyles2(getStyles);
  const sections = buildChecklist(compare, verdict);
  return (
    <div className={styles.checklist} data-testid="infradrift-incident-checklist">
      {sections.map(({ group, rows }) => (
        <section key={group} aria-label={groupTitle(group)}>
          <h5 className={styles.groupTitle}>{groupTitle(group)}</h5>
          {rows.length === 0 ? (
            <div className={styles.muted}>{t('incident.checklist.none', 'No signal of this kind in the set.')}</div>
          ) : (
            <ul className={styles.rows}>
              {rows.map((row) => (
                <li key={row.id} className={styles.row} data-testid="infradrift-checklist-row" data-status={row.status}>
                  <span className={cx(styles.status, styles[row.status])}>{statusText(row.status)}</span>
                  <span className={styles.name}>
                    {row.name}
                    {row.isTarget ? ` (${t('incident.checklist.target', 'target')})` : ''}
                  </span>
                  <span className={styles.evidence}>{rowEvidence(row)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** The verdict of each target first: kind, sentence, evidence, then its triage checklist; the caution once. */
export function VerdictSection({ compare }: { compare: CompareResult }) {
  const styles = useStyles2(getStyles);
  return (
    <section aria-labelledby="infradrift-verdicts" className={styles.section}>
      <h3 id="infradrift-verdicts">{t('incident.verdicts.title', 'Verdict')}</h3>
      {compare.verdicts.length === 0 && (
        <div className={styles.muted}>
          {t('incident.verdicts.none', 'The engine gave no verdict: no target in the result.')}
        </div>
      )}
      {compare.verdicts.map((v) => (
        <article
          key={v.target}
          className={styles.card}
          data-testid="infradrift-verdict"
          data-kind={v.kind}
          aria-label={v.targetName}
        >
          <div className={styles.head}>
            <Badge text={v.kind} color={KIND_COLOR[v.kind] ?? 'darkgrey'} />
            <strong className={styles.name}>{v.targetName}</strong>
          </div>
          <p className={styles.sentence}>{v.sentence}</p>
          {v.kind === 'inconclusive' && v.neededMs !== undefined && (
            <p className={styles.needed} data-testid="infradrift-verdict-needed">
              {neededText(v.neededMs)}
            </p>
          )}
          {v.evidence.length > 0 && (
            <ul className={styles.evidenceList}>
              {v.evidence.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <Checklist compare={compare} verdict={v} />
        </article>
      ))}
      {compare.caution && <p className={styles.caution}>{compare.caution}</p>}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginBottom: theme.spacing(3) }),
  card: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
    background: theme.colors.background.primary,
  }),
  head: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap' }),
  name: css({ overflowWrap: 'anywhere' }),
  sentence: css({ margin: theme.spacing(1, 0), fontSize: theme.typography.h5.fontSize }),
  needed: css({ color: theme.colors.warning.text, margin: theme.spacing(0, 0, 1) }),
  evidenceList: css({
    margin: theme.spacing(0, 0, 2),
    paddingLeft: theme.spacing(3),
    color: theme.colors.text.secondary,
  }),
  caution: css({ color: theme.colors.text.secondary, fontStyle: 'italic' }),
  muted: css({ color: theme.colors.text.secondary }),
  checklist: css({ display: 'grid', gap: theme.spacing(1.5) }),
  groupTitle: css({
    margin: 0,
    fontSize: theme.typography.body.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  rows: css({ listStyle: 'none', margin: 0, padding: 0 }),
  row: css({
    display: 'grid',
    gridTemplateColumns: '7em minmax(8em, 16em) 1fr',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    [theme.breakpoints.down('md')]: { gridTemplateColumns: '7em 1fr' },
  }),
  status: css({
    fontWeight: theme.typography.fontWeightMedium,
    textTransform: 'uppercase',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  fail: css({ color: theme.colors.error.text }),
  investigate: css({ color: theme.colors.warning.text }),
  pass: css({ color: theme.colors.success.text }),
  unknown: css({ color: theme.colors.text.secondary }),
  evidence: css({
    color: theme.colors.text.secondary,
    overflowWrap: 'anywhere',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
