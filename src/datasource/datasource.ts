import {
  createDataFrame,
  DataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  LoadingState,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';
import { FrameKind, FrameKindValue } from '../shared/frameContract';
import { resultToFramesInTasks, verdictFrame } from '../shared/frames';
import { AnalysisCancelled, getAnalysisClient } from '../worker';
import { runPipeline, type PipelineOutput } from './pipeline';
import { interpolateQuery } from './query/interpolate';
import { migrateQuery } from './query/migrate';
import { InfraDriftOptions, InfraDriftQuery } from './types';

/** The frames each output returns (docs/frames.md); notices travel on the first of them. */
const OUTPUT_KINDS: Record<InfraDriftQuery['analysis']['output'], FrameKindValue[]> = {
  matrix: [FrameKind.Matrix, FrameKind.Aligned],
  lags: [FrameKind.Lag],
  drift: [FrameKind.Drift],
  aligned: [FrameKind.Aligned],
};

/**
 * Backend-less data source. Each query goes through the query pipeline (src/datasource/pipeline:
 * signals on the user's own data sources, one grid, one engine request), the analysis runs in the
 * shared Web Worker, and the result comes back as ordinary data frames (docs/frames.md).
 */
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
      // Unsubscribing (panel removed, dashboard left, time range changed) aborts the upstream queries and the worker job.
      const abort = new AbortController();
      subscriber.next({ data: [], state: LoadingState.Loading });
      Promise.all(
        request.targets.filter((t) => !t.hide).map((t) => this.runTarget(migrateQuery(t), request, abort.signal))
      )
        .then((perTarget) => {
          subscriber.next({ data: perTarget.flat(), state: LoadingState.Done });
          subscriber.complete();
        })
        .catch((error) => {
          if (abort.signal.aborted || error instanceof AnalysisCancelled) {
            subscriber.complete();
            return;
          }
          subscriber.next({
            data: [],
            state: LoadingState.Error,
            errors: [{ message: `InfraDrift: ${error instanceof Error ? error.message : String(error)}` }],
          });
          subscriber.complete();
        });
      return () => abort.abort();
    });
  }

  private async runTarget(
    query: InfraDriftQuery,
    request: DataQueryRequest<InfraDriftQuery>,
    signal: AbortSignal
  ): Promise<DataFrame[]> {
    const built = await runPipeline({
      query,
      range: request.range,
      intervalMs: request.intervalMs,
      scopedVars: request.scopedVars,
      settings: this.settings,
      srv: getDataSourceSrv(),
      templateSrv: getTemplateSrv(),
      signal,
      verdict: true,
      onFetch: () => getAnalysisClient().warmUp(),
      base: {
        requestId: request.requestId,
        app: request.app,
        timezone: request.timezone,
        dashboardUID: request.dashboardUID,
        panelId: request.panelId,
        startTime: request.startTime,
      },
    });
    const key = `${request.panelId ?? request.requestId}-${query.refId}`;
    const client = getAnalysisClient();
    const [run, verdict] = await Promise.all([
      client.run(built.request, { key, signal }),
      built.verdict ? this.runVerdict(built.verdict, query.refId, `${key}-verdict`, signal) : undefined,
    ]);
    const notices = run.notice ? [...built.notices, { severity: 'info' as const, text: run.notice }] : built.notices;
    // Frame building in tasks of its own, apart from the one that received the result.
    const frames = await resultToFramesInTasks(run.result, {
      refId: query.refId,
      signals: built.signals,
      aligned: built.request.includeAligned,
      notices,
      kinds: OUTPUT_KINDS[built.query.analysis.output],
    });
    return verdict ? [...frames, verdict] : frames;
  }

  /**
   * The verdict of a matrix query: the compare run on the long grid. Its failure costs the verdict,
   * not the matrix: the frame then carries no rows and a notice saying why.
   */
  private async runVerdict(
    verdict: NonNullable<PipelineOutput['verdict']>,
    refId: string,
    key: string,
    signal: AbortSignal
  ): Promise<DataFrame> {
    const options = { refId, baseline: verdict.plan.baseline, datasourceUid: this.uid };
    let frame: DataFrame | undefined;
    let why: string[] = [];
    try {
      const run = await getAnalysisClient().run(verdict.request, { key, signal });
      frame = verdictFrame(run.result, options);
      // Warnings about the series themselves already come with the matrix; these are the compare's own.
      why = run.result.warnings
        .filter((w) => w.code === 'COMPARE_WINDOW' || w.code === 'INTERNAL_ERROR')
        .map((w) => w.message);
    } catch (error) {
      if (error instanceof AnalysisCancelled || signal.aborted) {
        throw error;
      }
      why = [error instanceof Error ? error.message : String(error)];
    }
    const out = frame ?? createDataFrame({ refId, name: 'Verdict', fields: [] });
    if (why.length) {
      const notices = why.map((text) => ({ severity: 'warning' as const, text: `Verdict: ${text}` }));
      out.meta = { ...out.meta, notices: [...(out.meta?.notices ?? []), ...notices] };
    }
    return out;
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    const ref = this.settings.defaultSource;
    if (!ref?.uid) {
      return {
        status: 'error',
        message: 'Choose a default source data source (usually your Prometheus) in the settings.',
      };
    }
    try {
      const ds = await getDataSourceSrv().get(ref);
      return { status: 'success', message: `InfraDrift will query ${ds.name} (${ds.type}) by default.` };
    } catch (error) {
      return {
        status: 'error',
        message: `The default source ${ref.uid} was not found (deleted, or no access): ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
}
