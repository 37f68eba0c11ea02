import { createDataFrame, DataQueryRequest, FieldType } from '@grafana/data';
import type { DataSourceSrv } from '@grafana/runtime';
import { of } from 'rxjs';

/**
 * A stand-in Prometheus for pipeline tests: answers every range query with one series, one point per
 * step over exactly the range asked (named by the legend, as Grafana's Prometheus names it), and
 * records the ranges it was asked for.
 */
export function rangeUpstream(value: (expr: string, t: number, i: number) => number) {
  const ranges: Array<{ from: number; to: number; step: number }> = [];
  const ds = {
    uid: 'prom',
    type: 'prometheus',
    query: (r: DataQueryRequest<{ refId: string; expr: string; legendFormat?: string }>) => {
      const from = r.range.from.valueOf();
      const to = r.range.to.valueOf();
      ranges.push({ from, to, step: r.intervalMs });
      const times: number[] = [];
      for (let t = from; t <= to; t += r.intervalMs) {
        times.push(t);
      }
      const { refId, expr, legendFormat } = r.targets[0];
      const values = times.map((t, i) => value(expr, t, i));
      return of({
        data: [
          createDataFrame({
            refId,
            fields: [
              { name: 'Time', type: FieldType.time, values: times },
              { name: 'Value', type: FieldType.number, values, config: { displayNameFromDS: legendFormat } },
            ],
          }),
        ],
      });
    },
  };
  const srv = { get: async () => ds } as unknown as DataSourceSrv;
  return { srv, ranges };
}
