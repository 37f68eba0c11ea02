import { DataFrame, DataQueryRequest, dateTime, ScopedVars } from '@grafana/data';
import type { DataSourceSrv } from '@grafana/runtime';
import type { DataSourceRef } from '@grafana/schema';
import { queryErrorTexts } from '../../shared/queryErrors';
import { histogramExpr } from '../query/histogramExpr';
import { gridLength, type TimeGrid } from '../query/timeGrid';
import type { SignalQuery } from '../types';
import { awaitUpstream, UpstreamCancelled, UpstreamTimeout } from './awaitUpstream';

export interface SignalFrames {
  signal: SignalQuery;
  frames: DataFrame[];
  /** The data source the signal actually ran on. */
  datasource?: { uid: string; type: string };
  /** The expression as sent to that data source (for histograms: the generated bucket query). */
  sentExpr?: string;
  /** Set when the signal could not be fetched: names the signal and carries the source's own message. */
  error?: string;
}

/** What every signal of one query shares when it is fetched. */
export interface FetchContext {
  defaultSource?: DataSourceRef;
  grid: TimeGrid;
  srv: DataSourceSrv;
  scopedVars: ScopedVars;
  /** Per-signal upstream timeout (ms). */
  timeoutMs: number;
  /** Aborted when our own query is cancelled: the upstream query is unsubscribed. */
  signal?: AbortSignal;
  /** Fields of the caller's request passed on as they are (app, dashboard, panel, timezone, request id). */
  base?: Partial<DataQueryRequest>;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  const e = error as { data?: { message?: string; error?: string }; message?: string; statusText?: string };
  return e?.data?.message ?? e?.data?.error ?? e?.message ?? e?.statusText ?? String(error);
}

export function describeSignal(signal: SignalQuery): string {
  return `signal ${signal.key}${signal.legendFormat ? ` (${signal.legendFormat})` : ''}`;
}

/**
 * Runs one signal on its data source for the grid's range and step, as a dashboard panel would, so
 * the user's data source keeps its auth, URL and limits. Never throws, except when cancelled:
 * failures (a timeout too) come back as `error`.
 */
export async function fetchSignal(signal: SignalQuery, ctx: FetchContext): Promise<SignalFrames> {
  const { grid } = ctx;
  const ref = signal.datasource?.uid ? signal.datasource : ctx.defaultSource;
  if (!ref?.uid) {
    return {
      signal,
      frames: [],
      error: `${describeSignal(signal)}: no data source chosen, and the InfraDrift data source has no default source`,
    };
  }
  let ds;
  try {
    ds = await ctx.srv.get(ref, ctx.scopedVars);
  } catch (error) {
    return {
      signal,
      frames: [],
      error: `${describeSignal(signal)}: data source ${ref.uid} is not available (deleted or no access): ${errorText(error)}`,
    };
  }
  const datasource = { uid: ds.uid, type: ds.type };
  const stepSeconds = grid.stepMs / 1000;
  let expr: string;
  try {
    expr = signal.kind === 'histogram' ? histogramExpr(signal.expr, signal.by, stepSeconds) : signal.expr;
  } catch (error) {
    return { signal, frames: [], datasource, error: `${describeSignal(signal)}: ${errorText(error)}` };
  }
  if (!expr.trim()) {
    return { signal, frames: [], datasource, error: `${describeSignal(signal)}: the expression is empty` };
  }
  const range = {
    from: dateTime(grid.start),
    to: dateTime(grid.end),
    raw: { from: dateTime(grid.start), to: dateTime(grid.end) },
  };
  const target = {
    refId: signal.key,
    datasource,
    expr,
    legendFormat: signal.kind === 'histogram' ? undefined : signal.legendFormat,
    range: true,
    instant: false,
    // Grafana's Prometheus reads `interval` as the minimum step: with intervalMs and maxDataPoints it fixes the step.
    interval: `${stepSeconds}s`,
    intervalFactor: 1,
    format: 'time_series',
  };
  const upstream = {
    app: 'infradrift',
    timezone: 'utc',
    startTime: Date.now(),
    ...ctx.base,
    scopedVars: ctx.scopedVars,
    requestId: `${ctx.base?.requestId ?? 'infradrift'}-${signal.key}`,
    range,
    interval: `${stepSeconds}s`,
    intervalMs: grid.stepMs,
    maxDataPoints: gridLength(grid),
    targets: [target],
  } as DataQueryRequest;
  try {
    const response = await awaitUpstream(() => ds.query(upstream), {
      what: describeSignal(signal),
      timeoutMs: ctx.timeoutMs,
      signal: ctx.signal,
    });
    const errors = queryErrorTexts(response);
    const answer = { signal, frames: response.data ?? [], datasource, sentExpr: expr };
    return errors.length ? { ...answer, error: `${describeSignal(signal)}: ${errors.join('; ')}` } : answer;
  } catch (error) {
    if (error instanceof UpstreamCancelled) {
      throw error;
    }
    // A timeout's message names the signal already.
    const text = error instanceof UpstreamTimeout ? error.message : `${describeSignal(signal)}: ${errorText(error)}`;
    return { signal, frames: [], datasource, sentExpr: expr, error: text };
  }
}
