import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, LoadingBar, useStyles2 } from '@grafana/ui';
import type { AnalysisRun } from '../../../worker';
import type { PreparedIncident } from '../../incident/incidentRequest';
import { CorrelationChange } from './CorrelationChange';
import { IncidentActions } from './IncidentActions';
import { LeadSection } from './LeadSection';
import type { IncidentOutcome } from './useIncidentAnalysis';
import { VerdictSection } from './VerdictSection';
import { WhatChanged } from './WhatChanged';

/**
 * Where the compare result enters the view: the sections in triage order (verdict → what changed →
 * correlation change → who leads), the actions, and every notice the pipeline or the engine gave.
 */
export function IncidentResult({ prepared, run }: { prepared: PreparedIncident; run: AnalysisRun }) {
  const styles = useStyles2(getStyles);
  const { result } = run;
  const compare = result.compare;
  const notices = [
    ...prepared.notices.map((n) => n.text),
    ...(run.notice ? [run.notice] : []),
    // Name the series a warning is about: "series is constant" alone does not say which.
    ...result.warnings.map((w) => (w.series ? `${seriesName(w.series)}: ${w.message}` : w.message)),
  ];
  function seriesName(id: string): string {
    return result.series.find((s) => s.id === id)?.name ?? id;
  }
  const stepMs = result.grid?.stepMs ?? prepared.request.grid?.stepMs ?? 60_000;
  return (
    <div data-testid="infradrift-incident-result">
      {notices.length > 0 && (
        <Alert severity="info" title={t('incident.notices', 'Notes on this analysis')}>
          <ul className={styles.notices}>
            {notices.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </Alert>
      )}
      {!compare ? (
        <Alert severity="error" title={t('incident.no-compare', 'The analysis returned no comparison')}>
          {t(
            'incident.no-compare-hint',
            'This engine does not compare windows yet, or the windows held no data (see the notes above).'
          )}
        </Alert>
      ) : (
        <>
          <IncidentActions prepared={prepared} compare={compare} />
          <VerdictSection compare={compare} />
          <WhatChanged result={result} compare={compare} />
          <CorrelationChange compare={compare} signals={prepared.signals} stepMs={stepMs} />
          <LeadSection compare={compare} stepMs={stepMs} />
        </>
      )}
    </div>
  );
}

/** Every state of the page below its controls: loading with progress, a problem, a failure, the result. */
export function IncidentBody({ outcome }: { outcome: IncidentOutcome }) {
  const styles = useStyles2(getStyles);
  if ('status' in outcome) {
    if (outcome.status === 'loading') {
      const percent = Math.round(outcome.fraction * 100);
      return (
        <div role="status" aria-live="polite" data-testid="infradrift-incident-loading" className={styles.loading}>
          <LoadingBar width={300} />
          {t('incident.loading', 'Analysing ({{stage}}, {{percent}} %)…', { stage: outcome.stage, percent })}
        </div>
      );
    }
    return (
      <Alert
        severity="error"
        title={t('incident.failed', 'The analysis failed')}
        data-testid="infradrift-incident-failed"
      >
        {outcome.message}
      </Alert>
    );
  }
  if (outcome.kind === 'problem') {
    const { problem } = outcome;
    const empty = problem.stage === 'empty';
    const title =
      problem.stage === 'signals'
        ? t('incident.problem.signals', 'No signal set')
        : problem.stage === 'window'
          ? t('incident.problem.window', 'The window cannot be used')
          : problem.stage === 'targets'
            ? t('incident.problem.targets', 'Choose what to judge')
            : empty
              ? t('incident.problem.empty', 'No data in this window')
              : t('incident.problem.data', 'The data could not be fetched');
    return (
      <Alert
        severity={problem.stage === 'targets' || empty ? 'info' : 'error'}
        title={title}
        data-testid="infradrift-incident-problem"
      >
        {problem.message}
      </Alert>
    );
  }
  return <IncidentResult prepared={outcome.prepared} run={outcome.run} />;
}

const getStyles = (theme: GrafanaTheme2) => ({
  notices: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  loading: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), color: theme.colors.text.secondary }),
});
