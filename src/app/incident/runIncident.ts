/**
 * One run of the incident page: prepare the request (incidentRequest.ts) with Grafana's services,
 * then analyse it in the shared worker with progress and cancellation. The page's hook calls it; tests
 * replace it.
 */
import type { DataQueryError } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { queryErrorTexts } from '../../shared/queryErrors';
import { runPipeline } from '../../datasource/pipeline';
import { getAnalysisClient, type AnalysisRun } from '../../worker';
import type { IncidentState } from './incidentUrl';
import {
  prepareIncident,
  type IncidentProblem,
  type IncidentRequestServices,
  type PreparedIncident,
} from './incidentRequest';
import type { DashboardJson } from './signalSet';

export type IncidentRunResult =
  { kind: 'done'; prepared: PreparedIncident; run: AnalysisRun } | { kind: 'problem'; problem: IncidentProblem };

export interface RunContext {
  signal: AbortSignal;
  onProgress: (fraction: number, stage: string) => void;
  now: number;
}

export type IncidentRunner = (state: IncidentState, context: RunContext) => Promise<IncidentRunResult>;

/** Grafana's services as the request builder needs them. */
export function grafanaServices(): IncidentRequestServices {
  const srv = getDataSourceSrv();
  return {
    srv,
    templateSrv: getTemplateSrv(),
    // The worker loads the engine while the sources answer, as for the data source's queries.
    runPipeline: (input) => runPipeline({ ...input, onFetch: () => getAnalysisClient().warmUp() }),
    listDataSources: () => srv.getList(),
    getDataSource: (uid) => srv.getInstanceSettings(uid),
    getDashboard: async (uid) => {
      const response = await getBackendSrv()
        .get<{ dashboard?: DashboardJson }>(`/api/dashboards/uid/${encodeURIComponent(uid)}`)
        .catch((error: unknown) => {
          // Grafana rejects with a FetchError ({status, data: {message}}), not an Error.
          throw new Error(queryErrorTexts({ error: error as DataQueryError })[0] ?? String(error));
        });
      if (!response?.dashboard) {
        throw new Error('the response holds no dashboard');
      }
      return response.dashboard;
    },
  };
}

/** Only one incident analysis runs at a time: a newer one replaces it in the worker's queue. */
const JOB_KEY = 'infradrift-incident-page';

export const runIncident: IncidentRunner = async (state, { signal, onProgress, now }) => {
  onProgress(0, 'fetching');
  const prepared = await prepareIncident(state, grafanaServices(), now, signal);
  if (!prepared.ok) {
    const { ok: _ok, ...problem } = prepared;
    return { kind: 'problem', problem };
  }
  const run = await getAnalysisClient().run(prepared.prepared.request, { key: JOB_KEY, signal, onProgress });
  return { kind: 'done', prepared: prepared.prepared, run };
};
