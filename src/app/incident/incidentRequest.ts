/**
 * From the page state to the engine request: signal set → windows → pipeline (one run per fetched
 * range) → one request → `compare` with the incident, the baseline, the targets and the controls.
 * The page hands the request to the analysis client; nothing here runs the engine.
 */
import type { QueryResultMetaNotice } from '@grafana/data';
import type { DataSourceSrv, TemplateSrv } from '@grafana/runtime';
import type { PipelineInput, PipelineOutput } from '../../datasource/pipeline';
import type { SignalInfo } from '../../shared/frameContract';
import type { AnalyzeRequest } from '../../stats';
import type { IncidentState } from './incidentUrl';
import { mergeParts } from './mergeParts';
import { resolveSignalSet, type SignalSet, type SignalSetServices } from './signalSet';
import { resolveRoles, seriesOfRequest, type NamedSeries } from './targets';
import { resolveWindows, toTimeRange, type IncidentWindows } from './windows';

export interface IncidentRequestServices extends SignalSetServices {
  srv: DataSourceSrv;
  /** Replaces the reused query's `$variables` with the dashboard's values (SignalSet.scopedVars). */
  templateSrv?: TemplateSrv;
  runPipeline: (input: PipelineInput) => Promise<PipelineOutput>;
}

export interface PreparedIncident {
  request: AnalyzeRequest;
  signals: SignalInfo[];
  notices: QueryResultMetaNotice[];
  set: SignalSet;
  windows: IncidentWindows;
  /** Every series in the request with its display name (the target picker's choices). */
  series: NamedSeries[];
}

/** Why there is nothing to analyse: `stage` says where it stopped, `series` the choices when a target is missing. */
export interface IncidentProblem {
  /** `empty`: the sources answered with no data in the window; `data`: fetching failed. */
  stage: 'signals' | 'window' | 'empty' | 'data' | 'targets';
  message: string;
  series?: NamedSeries[];
  set?: SignalSet;
  windows?: IncidentWindows;
}

export type PrepareResult = { ok: true; prepared: PreparedIncident } | ({ ok: false } & IncidentProblem);

/**
 * The compare request the page sends: the pipeline's request with only what the page shows. The full
 * matrix, clustering, partial matrix and lag curves over the whole fetched range answer other
 * questions (and would span the gap between a shifted baseline and the incident); `compare` computes
 * its own matrices, links and leads per window. The aligned values feed the sparklines.
 */
export function withCompare(
  request: AnalyzeRequest,
  windows: IncidentWindows,
  roles: { targets: string[]; controls: string[]; infrastructure?: string[] }
): AnalyzeRequest {
  const { lags: _lags, clustering: _clustering, partial: _partial, ...rest } = request;
  return {
    ...rest,
    correlation: { ...request.correlation, enabled: false },
    includeAligned: true,
    compare: {
      incident: windows.incident,
      baseline: windows.baseline,
      targets: roles.targets,
      controls: roles.controls,
      ...(roles.infrastructure ? { infrastructure: roles.infrastructure } : {}),
      includeMatrices: true,
    },
  };
}

/**
 * The pipeline says "nothing to analyse: <why>; <why>": the window is empty when every reason is a
 * source that answered without data, rather than one that failed.
 */
export function isEmptyWindow(message: string): boolean {
  const prefix = 'nothing to analyse: ';
  return (
    message.startsWith(prefix) &&
    message
      .slice(prefix.length)
      .split('; ')
      .every((why) => /returned no (series|data)|no signal returned data/.test(why))
  );
}

export async function prepareIncident(
  state: IncidentState,
  services: IncidentRequestServices,
  now: number,
  signal?: AbortSignal
): Promise<PrepareResult> {
  const resolved = await resolveSignalSet(state, services);
  if (!resolved.ok) {
    return { ok: false, stage: 'signals', message: resolved.message };
  }
  const { set } = resolved;
  const w = resolveWindows(state, set.settings, now);
  if (!w.ok) {
    return { ok: false, stage: 'window', message: w.message, set };
  }
  const { windows } = w;
  let parts: PipelineOutput[];
  try {
    // One after the other: both runs query the same data sources, and a failure in the first saves the second.
    parts = [];
    for (const range of windows.fetch) {
      parts.push(
        await services.runPipeline({
          query: set.query,
          range: toTimeRange(range),
          intervalMs: windows.intervalMs,
          settings: set.settings,
          srv: services.srv,
          scopedVars: set.scopedVars,
          templateSrv: set.scopedVars ? services.templateSrv : undefined,
          signal,
          base: { app: 'infradrift-incident' },
        })
      );
    }
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, stage: isEmptyWindow(message) ? 'empty' : 'data', message, set, windows };
  }
  let merged;
  try {
    merged = mergeParts(parts);
  } catch (error) {
    return { ok: false, stage: 'data', message: (error as Error).message, set, windows };
  }
  const series = seriesOfRequest(merged.request);
  const roles = resolveRoles(series, merged.signals, {
    targets: state.targets,
    controls: state.controls,
    confounders: set.query.analysis.confounders,
    infra: state.infra,
  });
  if (!roles.ok) {
    return { ok: false, stage: 'targets', message: roles.message, series, set, windows };
  }
  return {
    ok: true,
    prepared: {
      request: withCompare(merged.request, windows, roles),
      signals: merged.signals,
      notices: merged.notices,
      set,
      windows,
      series,
    },
  };
}
