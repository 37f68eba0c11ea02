/**
 * A stand-in for Grafana's Prometheus data source: it calls a real Prometheus HTTP API
 * (`/api/v1/query_range`) and shapes frames the way Grafana's Prometheus data source does — one frame
 * per series, a `Time` field and a `Value` field carrying the series labels, the legend format applied
 * as `displayNameFromDS`, and Prometheus's own error text as the query error. The step follows
 * Grafana's rules: `max(target.interval, request.intervalMs)`, start aligned down to the step.
 */
import {
  createDataFrame,
  DataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  FieldType,
  rangeUtil,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

export interface PromTarget extends DataQuery {
  expr: string;
  legendFormat?: string;
  interval?: string;
}

/** GET a Prometheus API path (with query string) and return the parsed JSON body, also on HTTP errors. */
export type FetchJson = (pathAndQuery: string) => Promise<{
  status: string;
  data?: { resultType: string; result: PromSeries[] };
  error?: string;
  errorType?: string;
}>;

interface PromSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

export function formatLegend(legend: string, labels: Record<string, string>): string {
  return legend.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}

export class PrometheusStandIn extends DataSourceApi<PromTarget> {
  constructor(
    settings: DataSourceInstanceSettings,
    private readonly fetchJson: FetchJson
  ) {
    super(settings);
  }

  async query(request: DataQueryRequest<PromTarget>): Promise<DataQueryResponse> {
    const data: DataFrame[] = [];
    const errors: Array<{ refId: string; message: string }> = [];
    for (const target of request.targets) {
      const minStep = target.interval ? rangeUtil.intervalToSeconds(target.interval) : 0;
      const step = Math.max(minStep, Math.round(request.intervalMs / 1000), 1);
      const start = Math.floor(request.range.from.valueOf() / 1000 / step) * step;
      const end = Math.floor(request.range.to.valueOf() / 1000);
      const params = new URLSearchParams({
        query: target.expr,
        start: String(start),
        end: String(end),
        step: String(step),
      });
      const body = await this.fetchJson(`api/v1/query_range?${params}`);
      if (body.status !== 'success' || !body.data) {
        errors.push({ refId: target.refId, message: body.error ?? 'Prometheus returned no data' });
        continue;
      }
      for (const series of body.data.result) {
        const labels = { ...series.metric };
        const field = {
          name: 'Value',
          type: FieldType.number,
          values: series.values.map(([, v]) => Number(v)),
          labels,
          config: target.legendFormat ? { displayNameFromDS: formatLegend(target.legendFormat, labels) } : {},
        };
        data.push(
          createDataFrame({
            refId: target.refId,
            name: target.legendFormat ? formatLegend(target.legendFormat, labels) : undefined,
            meta: { type: 'timeseries-multi' as never, executedQueryString: `Expr: ${target.expr}\nStep: ${step}s` },
            fields: [
              {
                name: 'Time',
                type: FieldType.time,
                values: series.values.map(([t]) => t * 1000),
                config: { interval: step * 1000 },
              },
              field,
            ],
          })
        );
      }
    }
    return { data, ...(errors.length ? { error: errors[0], errors } : {}) };
  }

  async testDatasource() {
    return { status: 'success', message: 'ok' };
  }
}
