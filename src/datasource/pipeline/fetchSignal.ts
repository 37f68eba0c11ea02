import { DataFrame, DataQueryRequest, DataQueryResponse, dateTime } from '@grafana/data';
import type { DataSourceSrv } from '@grafana/runtime';
import type { DataSourceRef } from '@grafana/schema';
import { from, lastValueFrom } from 'rxjs';
import { histogramExpr } from './query/histogramExpr';
import { gridLength, type TimeGrid } from './query/timeGrid';
import type { SignalQuery } from './types';

export interface SignalFrames {
  signal: SignalQuery;
  frames: DataFrame[];
  /** The data source the signal actually ran on. */
  datasourceUid?: string;
  /** Set when the signal could not be fetched: names the signal and carries the source's own message. */
  error?: string;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  const e = error as { data?: { message?: string; error?: string }; message?: string; statusText?: string };
  return e?.data?.message ?? e?.data?.error ?? e?.message ?? e?.statusText ?? String(error);
}

function describe(signal: SignalQuery): string {
  return `signal ${signal.key}${signal.legendFormat ? ` (${signal.legendFormat})` : ''}`;
}

/**
 * Runs one signal on its data source for the grid's range and step, as a dashboard panel would, so
 * the user's data source keeps its auth, URL and limits. Never throws: failures come back as `error`.
 */
export async function fetchSignal(
  signal: SignalQuery,
  defaultSource: DataSourceRef | undefined,
  grid: TimeGrid,
  request: DataQueryRequest,
  srv: DataSourceSrv
): Promise<SignalFrames> {
  const ref = signal.datasource?.uid ? signal.datasource : defaultSource;
  if (!ref?.uid) {
    return { signal, frames: [], error: `${describe(signal)}: no data source chosen, and the InfraDrift data source has no default source` };
  }
  let ds;
  try {
    ds = await srv.get(ref, request.scopedVars);
  } catch (error) {
    return { signal, frames: [], error: `${describe(signal)}: data source ${ref.uid} is not available (deleted or no access): ${errorText(error)}` };
  }
  const stepSeconds = grid.stepMs / 1000;
  let expr: string;
  try {
    expr = signal.kind === 'histogram' ? histogramExpr(signal.expr, signal.by, stepSeconds) : signal.expr;
  } catch (error) {
    return { signal, frames: [], error: `${describe(signal)}: ${errorText(error)}` };
  }
  if (!expr.trim()) {
    return { signal, frames: [], error: `${describe(signal)}: the expression is empty` };
  }
  const range = { from: dateTime(grid.start), to: dateTime(grid.end), raw: { from: dateTime(grid.start), to: dateTime(grid.end) } };
  const points = gridLength(grid);
  const target = {
    refId: signal.key,
    datasource: { type: ds.type, uid: ds.uid },
    expr,
    legendFormat: signal.kind === 'histogram' ? undefined : signal.legendFormat,
    range: true,
    instant: false,
    // Grafana's Prometheus reads `interval` as the minimum step: with intervalMs and maxDataPoints it fixes the step.
    interval: `${stepSeconds}s`,
    intervalFactor: 1,
    format: 'time_series',
  };
  try {
    const response: DataQueryResponse = await lastValueFrom(
      from(
        ds.query({
          ...request,
          requestId: `${request.requestId}-${signal.key}`,
          range,
          interval: `${stepSeconds}s`,
          intervalMs: grid.stepMs,
          maxDataPoints: points,
          targets: [target],
        } as DataQueryRequest)
      )
    );
    const errors = [response.error, ...(response.errors ?? [])].filter((e) => e);
    if (errors.length > 0) {
      return { signal, frames: response.data ?? [], datasourceUid: ds.uid, error: `${describe(signal)}: ${errors.map((e) => e!.message ?? e!.data?.message).join('; ')}` };
    }
    return { signal, frames: response.data ?? [], datasourceUid: ds.uid };
  } catch (error) {
    return { signal, frames: [], datasourceUid: ds.uid, error: `${describe(signal)}: ${errorText(error)}` };
  }
}
