/**
 * The query pipeline: an InfraDrift query -> its signals run on the user's data sources -> one time
 * grid -> one engine request. The data source calls it per query; an app page can call it too, with
 * no DataSourceApi instance. It does not run the engine: the caller hands `request` to the analysis
 * client (src/worker) and turns the result into frames (src/shared/frames).
 */
import type { DataQueryRequest, QueryResultMetaNotice, ScopedVars, TimeRange } from '@grafana/data';
import type { DataSourceSrv, TemplateSrv } from '@grafana/runtime';
import type { SignalInfo } from '../../shared/frameContract';
import type { AnalyzeRequest } from '../../stats';
import { interpolateQuery } from '../query/interpolate';
import { queryVersionProblem } from '../query/migrate';
import { timeGrid, type TimeGrid } from '../query/timeGrid';
import { verdictPlan, type VerdictPlan } from '../query/verdictPlan';
import {
  DEFAULT_MAX_SERIES,
  DEFAULT_QUERY_TIMEOUT_SECONDS,
  type InfraDriftOptions,
  type InfraDriftQuery,
} from '../types';
import { buildRequest } from './buildRequest';
import { fetchSignal } from './fetchSignal';
import { verdictRequest } from './verdictRequest';

export interface PipelineInput {
  /** A query already migrated to the current schema (query/migrate.ts). */
  query: InfraDriftQuery;
  range: TimeRange;
  /** Grafana's interval for the range; the grid never goes finer than the settings allow. */
  intervalMs?: number;
  scopedVars?: ScopedVars;
  /** The InfraDrift data source's settings (default source, step and size bounds, timeout). */
  settings: InfraDriftOptions;
  srv: DataSourceSrv;
  /** When given, `$variables` in the query are replaced first. */
  templateSrv?: TemplateSrv;
  /** Cancels the upstream queries. */
  signal?: AbortSignal;
  /** Passed on to the upstream requests (app, dashboard, panel, request id, timezone). */
  base?: Partial<DataQueryRequest>;
  /**
   * Build the verdict's compare request when the query's verdict setting asks for it (the data source
   * does). Off by default: a caller with windows of its own (the incident page) reuses a panel's query
   * without its verdict changing what is fetched.
   */
  verdict?: boolean;
  /**
   * Called once the query is known to be valid, as the upstream queries start: the data source starts
   * the analysis worker here, so the engine loads while the sources answer.
   */
  onFetch?: () => void;
}

export interface PipelineOutput {
  request: AnalyzeRequest;
  /** One entry per engine series, with its provenance (docs/frames.md). */
  signals: SignalInfo[];
  notices: QueryResultMetaNotice[];
  grid: TimeGrid;
  /** The query after interpolation. */
  query: InfraDriftQuery;
  /** With the verdict on (matrix output): the compare request on the long grid, and its windows. */
  verdict?: { request: AnalyzeRequest; plan: VerdictPlan };
}

/** Throws with a message for the user when there is nothing to analyse. */
export async function runPipeline(input: PipelineInput): Promise<PipelineOutput> {
  const versionProblem = queryVersionProblem(input.query);
  if (versionProblem) {
    throw new Error(versionProblem);
  }
  const scopedVars = input.scopedVars ?? {};
  const query = input.templateSrv ? interpolateQuery(input.query, input.templateSrv, scopedVars) : input.query;
  const active = query.signals.filter((s) => !s.hide);
  if (active.length === 0) {
    throw new Error('the query has no signals: add at least two expressions to correlate');
  }
  const { settings } = input;
  const from = input.range.from.valueOf();
  const to = input.range.to.valueOf();
  // The verdict's baseline is fetched with the range, on one step; the matrix keeps its own grid.
  const plan =
    input.verdict && query.analysis.output === 'matrix' && query.analysis.verdict?.enabled
      ? verdictPlan(from, to, input.intervalMs, settings, active, query.analysis.verdict)
      : undefined;
  const grid = plan?.matrixGrid ?? timeGrid(from, to, input.intervalMs, settings, active);
  const timeoutMs = (settings.queryTimeoutSeconds ?? DEFAULT_QUERY_TIMEOUT_SECONDS) * 1000;
  const context = {
    defaultSource: settings.defaultSource,
    grid: plan?.fetchGrid ?? grid,
    srv: input.srv,
    scopedVars,
    timeoutMs,
    signal: input.signal,
    base: input.base,
  };
  const fetching = Promise.all(active.map((s) => fetchSignal(s, context)));
  input.onFetch?.();
  const fetched = await fetching;
  const maxSeries = query.analysis.maxSeries ?? settings.maxSeries ?? DEFAULT_MAX_SERIES;
  const built = await buildRequest(fetched, query.analysis, grid, maxSeries);
  const notices: QueryResultMetaNotice[] = built.notices.map((text) => ({ severity: 'warning', text }));
  plan?.notices.forEach((text) => notices.push({ severity: 'info', text }));
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
  const verdict = plan
    ? { request: verdictRequest(await buildRequest(fetched, query.analysis, plan.fetchGrid, maxSeries), plan), plan }
    : undefined;
  return { request: built.request, signals: built.signals, notices, grid, query, ...(verdict ? { verdict } : {}) };
}
