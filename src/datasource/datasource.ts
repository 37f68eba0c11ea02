import {
  DataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  LoadingState,
  QueryResultMetaNotice,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';
import { FrameKind, FrameKindValue } from '../shared/frameContract';
import { nextTask } from '../shared/nextTask';
import { resultToFrames } from '../shared/resultToFrames';
import { AnalysisCancelled, getAnalysisClient } from '../worker';
import { buildRequest } from './buildRequest';
import { fetchSignal } from './fetchSignals';
import { interpolateQuery } from './query/interpolate';
import { migrateQuery, queryVersionProblem } from './query/migrate';
import { timeGrid } from './query/timeGrid';
import { DEFAULT_MAX_SERIES, InfraDriftOptions, InfraDriftQuery } from './types';

/**
 * Backend-less data source. For each query it runs the signals through the user's own data sources
 * (their auth, URL and limits apply), aligns them on one grid, computes the analysis in the shared
 * Web Worker and returns ordinary data frames (docs/frames.md).
 *
 * Data flows one way: query -> fetch signals -> build engine request -> worker -> frames.
 */
/** The frames each output returns (docs/frames.md); notices travel on the first of them. */
const OUTPUT_KINDS: Record<InfraDriftQuery['analysis']['output'], FrameKindValue[]> = {
  matrix: [FrameKind.Matrix, FrameKind.Aligned],
  lags: [FrameKind.Lag],
  drift: [FrameKind.Drift],
  aligned: [FrameKind.Aligned],
};

export class InfraDriftDataSource extends DataSourceApi<InfraDriftQuery, InfraDriftOptions> {
  readonly settings: InfraDriftOptions;

  constructor(instanceSettings: DataSourceInstanceSettings<InfraDriftOptions>) {
    super(instanceSettings);
    this.settings = instanceSettings.jsonData ?? {};
  }

  getDefaultQuery(): Partial<InfraDriftQuery> {
    return migrateQuery({ refId: 'A' });
  }

  filterQuery(query: InfraDriftQuery): boolean {
    return !query.hide;
  }

  interpolateVariablesInQueries(queries: InfraDriftQuery[], scopedVars: ScopedVars): InfraDriftQuery[] {
    return queries.map((q) => interpolateQuery(migrateQuery(q), getTemplateSrv(), scopedVars));
  }

  getQueryDisplayText(query: InfraDriftQuery): string {
    const q = migrateQuery(query);
    const exprs = q.signals.filter((s) => !s.hide).map((s) => s.expr);
    return `${q.analysis.output} (${q.analysis.method}) of ${exprs.length} signal(s): ${exprs.join(' | ')}`;
  }

  query(request: DataQueryRequest<InfraDriftQuery>): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      // Unsubscribing (panel removed, dashboard left, time range changed) aborts the worker job.
      const abort = new AbortController();
      subscriber.next({ data: [], state: LoadingState.Loading });
      Promise.all(request.targets.filter((t) => !t.hide).map((t) => this.runTarget(migrateQuery(t), request, abort.signal)))
        .then((perTarget) => {
          subscriber.next({ data: perTarget.flat(), state: LoadingState.Done });
          subscriber.complete();
        })
        .catch((error) => {
          if (error instanceof AnalysisCancelled) {
            subscriber.complete();
            return;
          }
          subscriber.next({ data: [], state: LoadingState.Error, errors: [{ message: `InfraDrift: ${error instanceof Error ? error.message : String(error)}` }] });
          subscriber.complete();
        });
      return () => abort.abort();
    });
  }

  private async runTarget(raw: InfraDriftQuery, request: DataQueryRequest<InfraDriftQuery>, signal: AbortSignal): Promise<DataFrame[]> {
    const versionProblem = queryVersionProblem(raw);
    if (versionProblem) {
      throw new Error(versionProblem);
    }
    const query = interpolateQuery(raw, getTemplateSrv(), request.scopedVars);
    const active = query.signals.filter((s) => !s.hide);
    if (active.length === 0) {
      throw new Error('the query has no signals: add at least two expressions to correlate');
    }
    const grid = timeGrid(request.range.from.valueOf(), request.range.to.valueOf(), request.intervalMs, this.settings, active);
    const srv = getDataSourceSrv();
    const fetched = await Promise.all(active.map((s) => fetchSignal(s, this.settings.defaultSource, grid, request, srv)));
    const maxSeries = query.analysis.maxSeries ?? this.settings.maxSeries ?? DEFAULT_MAX_SERIES;
    const built = await buildRequest(fetched, query.analysis, grid, maxSeries);
    const notices: QueryResultMetaNotice[] = built.notices.map((text) => ({ severity: 'warning', text }));
    if (grid.start < grid.visibleFrom) {
      notices.push({
        severity: 'info',
        text: `Drift baselines reach back to ${new Date(grid.start).toISOString()}; that lookback is fetched and aligned too.`,
      });
    }
    if (built.request.series.length === 0 && !built.request.drift) {
      // (A drift-only query is fine: the engine computes drift on the grid the request names.)
      const why = built.notices.length ? built.notices.join('; ') : 'no signal returned data';
      throw new Error(`nothing to analyse: ${why}`);
    }
    const run = await getAnalysisClient().run(built.request, { key: `${request.panelId ?? request.requestId}-${query.refId}`, signal });
    if (run.notice) {
      notices.push({ severity: 'info', text: run.notice });
    }
    // A fresh task for frame building, apart from the one that received the result.
    await nextTask();
    return resultToFrames(run.result, {
      refId: query.refId,
      signals: built.signals,
      aligned: built.request.includeAligned,
      notices,
      kinds: OUTPUT_KINDS[query.analysis.output],
    });
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    const ref = this.settings.defaultSource;
    if (!ref?.uid) {
      return { status: 'error', message: 'Choose a default source data source (usually your Prometheus) in the settings.' };
    }
    try {
      const ds = await getDataSourceSrv().get(ref);
      return { status: 'success', message: `InfraDrift will query ${ds.name} (${ds.type}) by default.` };
    } catch (error) {
      return { status: 'error', message: `The default source ${ref.uid} was not found (deleted, or no access): ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
