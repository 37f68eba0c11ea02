import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { locationService, PluginPage } from '@grafana/runtime';
import { Alert, Stack } from '@grafana/ui';
import { useLocation } from 'react-router-dom-v5-compat';
import { incidentUrlQuery, parseIncidentSearch, type IncidentState } from '../../incident/incidentUrl';
import { runIncident, type IncidentRunner } from '../../incident/runIncident';
import { IncidentControls } from './IncidentControls';
import { IncidentBody } from './IncidentResult';
import { useIncidentAnalysis } from './useIncidentAnalysis';

/**
 * The incident page: URL state → signal set → pipeline → worker analysis with `compare` → the verdict
 * and its evidence. Every choice lives in the URL (incidentUrl.ts); a change pushes a new URL, which
 * cancels the running analysis and starts the next. `runner` is for tests.
 */
export function IncidentPage({ runner = runIncident }: { runner?: IncidentRunner }) {
  const { search } = useLocation();
  const parsed = useMemo(() => parseIncidentSearch(search), [search]);
  const { baselineOk, ...state } = parsed;
  const outcome = useIncidentAnalysis(state, runner);
  const onChange = (next: IncidentState) => locationService.partial(incidentUrlQuery(next));
  const series =
    'kind' in outcome ? (outcome.kind === 'done' ? outcome.prepared.series : outcome.problem.series) : undefined;
  const origin =
    'kind' in outcome
      ? outcome.kind === 'done'
        ? outcome.prepared.set.origin
        : outcome.problem.set?.origin
      : undefined;
  return (
    <PluginPage
      pageNav={{ text: t('incident.title', 'Incident') }}
      subTitle={[state.alert ? `${t('incident.alert', 'Alert')}: ${state.alert}` : '', origin ?? '']
        .filter(Boolean)
        .join(' · ')}
    >
      <Stack direction="column" gap={1}>
        <div data-testid="infradrift-incident-page">
          <IncidentControls state={state} series={series} onChange={onChange} />
          {!baselineOk && (
            <Alert
              severity="warning"
              title={t('incident.baseline-unread', 'The baseline in the URL was not understood')}
            >
              {t(
                'incident.baseline-unread-hint',
                'Using the preceding window, 4× the incident. Valid: preceding, preceding:k, 1d, 7d, fixed:from:to (ms).'
              )}
            </Alert>
          )}
          <IncidentBody outcome={outcome} />
        </div>
      </Stack>
    </PluginPage>
  );
}
