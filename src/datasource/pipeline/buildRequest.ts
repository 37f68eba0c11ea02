/**
 * From fetched signals to one engine request (docs/engine.md), plus what the user must be told:
 * failed signals, series left out by the cap, histograms without buckets.
 */
import {
  driftSeriesId,
  driftSeriesName,
  type AnalyzeRequest,
  type BaselineSpec,
  type DriftSeriesRequest,
  type SeriesInput,
  type TransformSpec,
} from '../../stats';
import type { SignalInfo } from '../../shared/frameContract';
import { seriesFromFrames } from '../../shared/seriesFromFrames';
import type { SignalFrames } from './fetchSignal';
import { nextTask } from '../../shared/nextTask';
import { groupHistogram } from './histogramSeries';
import { histogramMetric, histogramName, uniqueName } from './histogramName';
import { baselineSpec } from '../query/baselineSpec';
import { placeOnGrid } from './placeOnGrid';
import { provenanceOf } from './provenance';
import type { TimeGrid } from '../query/timeGrid';
import { AnalysisSpec, DEFAULT_DRIFT_WINDOW_STEPS, SignalQuery } from '../types';

export interface BuiltRequest {
  request: AnalyzeRequest;
  signals: SignalInfo[];
  notices: string[];
  /** The confounders as engine ids (names as users write them resolved). */
  controls: string[];
}

function transformOf(signal: SignalQuery): TransformSpec[] {
  const chain: TransformSpec[] = [];
  if (signal.kind === 'counter') {
    chain.push({ type: 'rate' }); // raw counter values: per-second rate, resets handled by the engine
  }
  switch (signal.transform) {
    case 'diff':
      chain.push({ type: 'diff' });
      break;
    case 'zscore':
      chain.push({ type: 'zscore' });
      break;
    case 'log':
      chain.push({ type: 'log', offset: 0 });
      break;
    case 'rollingMean':
      chain.push({ type: 'rollingMean', window: Math.max(2, signal.rollingWindow ?? 5) });
      break;
  }
  return chain.length ? chain : [{ type: 'none' }];
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/** Frames converted per task: keeps each main-thread task short when a signal returns hundreds of series. */
const FRAMES_PER_TASK = 50;

export async function buildRequest(
  fetched: SignalFrames[],
  analysis: AnalysisSpec,
  grid: TimeGrid,
  maxSeries: number
): Promise<BuiltRequest> {
  const notices: string[] = [];
  const series: SeriesInput[] = [];
  const signals: SignalInfo[] = [];
  const drift: DriftSeriesRequest[] = [];
  const taken = new Set<string>();
  /** Display name -> engine id, so targets, pairs and confounders can be written as users see them. */
  const aliases = new Map<string, string>();
  const idOf = (name: string) => aliases.get(name) ?? name;

  for (const f of fetched) {
    if (f.error) {
      notices.push(f.error);
    }
    const { signal } = f;
    if (signal.kind === 'histogram') {
      const metric = histogramMetric(signal.expr);
      const { groups, withoutLe } = groupHistogram(f.frames, metric, grid);
      if (withoutLe > 0) {
        notices.push(
          `signal ${signal.key}: ${withoutLe} series without an "le" label: ${metric} does not look like a Prometheus histogram (expected ${metric}_bucket{le=...})`
        );
      }
      if (!f.error && groups.length === 0 && withoutLe === 0) {
        notices.push(`signal ${signal.key}: ${metric}_bucket returned no data in this time range`);
      }
      for (const g of groups) {
        let baseline: BaselineSpec;
        try {
          baseline = baselineSpec(signal);
        } catch (error) {
          notices.push(`signal ${signal.key}: the static baseline is not valid JSON (${(error as Error).message})`);
          break;
        }
        const method = signal.driftMethod ?? 'psi';
        const windowMs = (signal.windowSteps ?? DEFAULT_DRIFT_WINDOW_STEPS) * grid.stepMs;
        // The engine labels the drift series `<name> drift (<method>)`: that label must be unique among
        // every row, so the name is chosen by it. The id keeps the full selector.
        const readable = histogramName({
          expr: signal.expr,
          labels: g.labels,
          by: signal.by,
          legendFormat: signal.legendFormat,
        });
        const name = uniqueName(readable, taken, (n) => driftSeriesName(n, method));
        const id = driftSeriesId(g.selector, method);
        // Targets, pairs and confounders may name the drift series by the label the engine gives it, or by its full selector.
        aliases.set(driftSeriesName(name, method), id);
        aliases.set(driftSeriesName(g.selector, method), id);
        drift.push({
          id: g.selector,
          name,
          input: { kind: 'histogram', le: g.le, buckets: g.buckets, mode: 'cumulative' },
          methods: [method],
          baseline,
          windowMs,
        });
        signals.push({
          name: id,
          role: 'model',
          signal: signal.key,
          labels: g.labels,
          expr: signal.expr,
          datasourceUid: f.datasource?.uid,
          provenance: provenanceOf(f, [], grid.stepMs, { method, windowMs, baseline }),
        });
      }
      continue;
    }
    const chain = transformOf(signal);
    const provenance = provenanceOf(f, chain, grid.stepMs);
    const before = series.length;
    for (let start = 0; start < f.frames.length; start += FRAMES_PER_TASK) {
      if (start > 0) {
        await nextTask();
      }
      const batch = f.frames.slice(start, start + FRAMES_PER_TASK);
      const extracted = seriesFromFrames(
        batch,
        { role: signal.role, signal: signal.key, expr: signal.expr, datasourceUid: f.datasource?.uid, provenance },
        taken,
        f.frames,
        (timestamps, values) => placeOnGrid(timestamps, values, grid)
      );
      extracted.series.forEach((s) => series.push({ ...s, transform: chain }));
      signals.push(...extracted.signals);
    }
    if (!f.error && series.length === before) {
      notices.push(`signal ${signal.key}: the query returned no series in this time range`);
    }
  }

  // The cap counts every matrix row: plain series and drift series alike. Never silent.
  const total = series.length + drift.length;
  if (total > maxSeries) {
    const keepDrift = Math.min(drift.length, maxSeries);
    const keepSeries = Math.max(0, maxSeries - keepDrift);
    const left = [...drift.slice(keepDrift).map((d) => d.name!), ...series.slice(keepSeries).map((s) => s.name!)];
    notices.push(
      `${total} series exceed the limit of ${maxSeries}; left out: ${listNames(left)}. Narrow the queries or raise the limit.`
    );
    drift.splice(keepDrift);
    series.splice(keepSeries);
  }

  // Compute only what the chosen output shows: the N x N matrix, its clusters and partial
  // correlations are for the matrix; lag curves for lags; drift and aligned series come along.
  const matrix = analysis.output === 'matrix';
  const request: AnalyzeRequest = {
    version: 1,
    series,
    grid: { start: grid.start, end: grid.end, stepMs: grid.stepMs },
    correlation: { method: analysis.method, enabled: matrix },
    significance: {
      alpha: analysis.alpha,
      adjust: analysis.adjust,
      autocorrelation: analysis.autocorrelation ? 'bretherton' : 'none',
    },
    includeAligned: analysis.includeAligned || analysis.output === 'aligned',
    limits: { maxSeries },
  };
  if (drift.length) {
    request.drift = { series: drift, correlate: true };
  }
  const controls = analysis.confounders.map(idOf);
  if (matrix && controls.length) {
    request.partial = { controls };
  }
  if (matrix && analysis.clustering !== 'none') {
    request.clustering = { linkage: analysis.clustering, distance: 'abs' };
  }
  if (analysis.maxLag > 0 && (matrix || analysis.output === 'lags')) {
    const mode = analysis.lagMode;
    request.lags = {
      maxLag: analysis.maxLag,
      ...(mode === 'target' && analysis.target ? { target: idOf(analysis.target) } : {}),
      ...(mode === 'pairs' && analysis.pairs?.length
        ? { pairs: analysis.pairs.map(([a, b]) => [idOf(a), idOf(b)] as [string, string]) }
        : {}),
      ...(mode === 'all' || (!analysis.target && !analysis.pairs?.length) ? { all: true } : {}),
      // The matrix needs best lags only; curves are for the lag output.
      includeCurves: analysis.output === 'lags',
    };
  }
  return { request, signals, notices, controls };
}
