/** Small engine-made frames for the panels' jsdom tests (the same conversion the data source uses). */
import { DataFrame, FieldType, getDefaultTimeRange, LoadingState, PanelProps, toDataFrame } from '@grafana/data';
import { analyze, type AnalyzeRequest, type SeriesInput } from '../../stats';
import type { SignalInfo } from '../../shared/frameContract';
import { resultToFrames } from '../../shared/frames';

export const T0 = Date.UTC(2025, 0, 1);
export const STEP = 60_000;
const N = 240;

/** `lead` leads `follow` by 3 steps; `noise` is unrelated; `model_drift` is a model signal. */
export function pairSeries(): SeriesInput[] {
  let s = 7;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
  const base = Array.from({ length: N + 3 }, (_, i) => Math.sin(i / 9) + rnd() * 0.4);
  const times = Array.from({ length: N }, (_, i) => T0 + i * STEP);
  return [
    { id: 'cache_miss_ratio', timestamps: times, values: base.slice(3, N + 3) },
    { id: 'model_drift', timestamps: times, values: base.slice(0, N).map((v) => 2 * v + rnd() * 0.3) },
    { id: 'noise', timestamps: times, values: times.map(() => rnd()) },
  ];
}

/** With `provenance`, each signal says it is the gauge `metric_<id>` on the Prometheus data source `prom`, as the data source reports it. */
export function signalsFor(series: SeriesInput[], provenance = false): SignalInfo[] {
  return series.map((x) => ({
    name: x.id,
    role: x.id.includes('drift') ? 'model' : 'infra',
    signal: x.id,
    labels: {},
    expr: `metric_${x.id}`,
    datasourceUid: 'prom',
    ...(provenance
      ? {
          provenance: {
            datasource: { uid: 'prom', type: 'prometheus' },
            expr: `metric_${x.id}`,
            sentExpr: `metric_${x.id}`,
            kind: 'gauge' as const,
            transforms: [{ type: 'none' as const }],
            stepMs: STEP,
          },
        }
      : {}),
  }));
}

export function engineFrames(
  opts: { aligned?: boolean; lags?: boolean; series?: SeriesInput[]; provenance?: boolean } = {}
): DataFrame[] {
  const series = opts.series ?? pairSeries();
  const request: AnalyzeRequest = {
    version: 1,
    series,
    grid: { stepMs: STEP },
    correlation: {},
    clustering: {},
    includeAligned: opts.aligned,
    ...(opts.lags === false ? {} : { lags: { maxLag: 6, all: true } }),
  };
  return resultToFrames(analyze(request), {
    refId: 'A',
    signals: signalsFor(series, opts.provenance),
    aligned: opts.aligned,
  });
}

/** Plain time series frames as any data source returns them. */
export function timeSeriesFrames(series = pairSeries()): DataFrame[] {
  return series.map((s) =>
    toDataFrame({
      refId: 'A',
      fields: [
        { name: 'Time', type: FieldType.time, values: s.timestamps as number[] },
        { name: 'Value', type: FieldType.number, values: s.values as number[], config: { displayName: s.id } },
      ],
    })
  );
}

/** PanelProps as Grafana passes them, for rendering a panel component directly. */
export function panelProps<T>(
  id: number,
  series: DataFrame[],
  options: T,
  size = { width: 600, height: 400 }
): PanelProps<T> {
  const timeRange = getDefaultTimeRange();
  return {
    id,
    data: { state: LoadingState.Done, series, timeRange },
    timeRange,
    timeZone: 'utc',
    options,
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    ...size,
    renderCounter: 0,
    title: 'panel',
    eventBus: {} as never,
    onOptionsChange: () => undefined,
    onFieldConfigChange: () => undefined,
    replaceVariables: (s: string) => s,
    onChangeTimeRange: () => undefined,
  };
}
