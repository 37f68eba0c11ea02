/**
 * Time series mode of both panels: when the query returned plain time series (any data source),
 * run the statistics engine in the shared worker and hand back the same frames the InfraDrift data
 * source would return, so each panel has one render path. InfraDrift frames pass through untouched.
 */
import { useEffect, useMemo, useState } from 'react';
import { DataFrame, PanelData } from '@grafana/data';
import type { AnalyzeRequest, SeriesInput } from '../../stats';
import type { SignalInfo } from '../../shared/frameContract';
import { resultToFramesInTasks } from '../../shared/frames';
import { seriesFromFrames } from '../../shared/seriesFromFrames';
import { AnalysisCancelled, getAnalysisClient } from '../../worker';
import { hasInfraDriftFrames, queryFailure } from './frames';

export type ComputedFrames =
  | { status: 'empty' }
  | { status: 'too-few'; count: number }
  | { status: 'running'; progress: number; stage: string }
  | { status: 'error'; message: string; /** The query failed, not the analysis. */ query?: boolean }
  | { status: 'ready'; frames: DataFrame[]; computed: boolean; notice?: string };

export interface SeriesForRequest {
  series: SeriesInput[];
  signals: SignalInfo[];
}

/**
 * `makeRequest` turns the extracted series into a request; `requestKey` must change whenever the
 * options that `makeRequest` reads change (the hook re-runs on it, not on the function identity).
 */
export function useComputedFrames(
  data: PanelData,
  jobKey: string,
  requestKey: string,
  makeRequest: (
    input: SeriesForRequest,
    stepMs: number | undefined
  ) => { request: AnalyzeRequest; signals: SignalInfo[] },
  minSeries = 2
): ComputedFrames {
  const series = data.series;
  const passThrough = useMemo(() => hasInfraDriftFrames(series), [series]);
  const extracted = useMemo(
    () => (passThrough ? undefined : withQueryInfo(seriesFromFrames(series), data)),
    [series, passThrough, data]
  );
  // Results are tagged with the inputs they belong to: a stale result reads as "running", with no
  // synchronous setState in the effect.
  const [tagged, setTagged] = useState<{ source?: SeriesForRequest; key: string; state: ComputedFrames }>({
    key: '',
    state: { status: 'empty' },
  });
  const stepMs = data.request?.intervalMs;
  const runKey = `${jobKey}|${requestKey}|${stepMs ?? ''}|${minSeries}`;

  useEffect(() => {
    if (!extracted || extracted.series.length < minSeries) {
      return;
    }
    const controller = new AbortController();
    const setState = (state: ComputedFrames) => setTagged({ source: extracted, key: runKey, state });
    const { request, signals } = makeRequest(extracted, stepMs && stepMs > 0 ? stepMs : undefined);
    getAnalysisClient()
      .run(request, {
        key: jobKey,
        signal: controller.signal,
        onProgress: (progress, stage) => !controller.signal.aborted && setState({ status: 'running', progress, stage }),
      })
      .then(async (run) => {
        if (controller.signal.aborted) {
          return;
        }
        const notices = run.notice ? [{ severity: 'info' as const, text: run.notice }] : [];
        const frames = await resultToFramesInTasks(run.result, { refId: 'A', signals, aligned: true, notices });
        if (!controller.signal.aborted) {
          setState({ status: 'ready', frames, computed: true, notice: run.notice });
        }
      })
      .catch((e: unknown) => {
        if (!(e instanceof AnalysisCancelled) && !controller.signal.aborted) {
          setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
        }
      });
    return () => controller.abort();
    // makeRequest is read through requestKey on purpose: a new closure per render must not re-run the engine.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extracted, runKey]);

  if (series.length === 0) {
    const failed = queryFailure(data);
    return failed ? { status: 'error', message: failed, query: true } : { status: 'empty' };
  }
  if (passThrough) {
    return { status: 'ready', frames: series, computed: false };
  }
  if (!extracted || extracted.series.length < minSeries) {
    return { status: 'too-few', count: extracted?.series.length ?? 0 };
  }
  const fresh = tagged.source === extracted && tagged.key === runKey;
  return fresh && tagged.state.status !== 'empty'
    ? tagged.state
    : { status: 'running', progress: 0, stage: 'starting' };
}

/** Fill expr / data source uid from the panel's queries, so the drill-down can link to Explore. */
function withQueryInfo(input: SeriesForRequest, data: PanelData): SeriesForRequest {
  const targets = data.request?.targets ?? [];
  const signals = input.signals.map((s) => {
    const target = targets.find((t) => t.refId === s.signal) as
      { expr?: unknown; datasource?: { uid?: string } } | undefined;
    return {
      ...s,
      expr: s.expr ?? (typeof target?.expr === 'string' ? target.expr : undefined),
      datasourceUid: s.datasourceUid ?? target?.datasource?.uid,
    };
  });
  return { ...input, signals };
}
