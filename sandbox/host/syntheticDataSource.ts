/**
 * A data source that returns many synthetic time series without a network: `count` AR(1) series of the
 * requested range and step, in Grafana's frame shape (one frame per series, labels `{series}`).
 * For benchmarks of the InfraDrift data source at sizes no test Prometheus should be asked to serve.
 */
import {
  createDataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  FieldType,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { nextTask } from '../../src/shared/nextTask';

export class SyntheticDataSource extends DataSourceApi<DataQuery> {
  /** Time the last query() took (ms): the upstream's share of a benchmark's query-to-frames time. */
  lastQueryMs = 0;

  constructor(
    settings: DataSourceInstanceSettings,
    private readonly count: number
  ) {
    super(settings);
  }

  async query(request: DataQueryRequest<DataQuery>): Promise<DataQueryResponse> {
    const started = performance.now();
    const response = await this.generate(request);
    this.lastQueryMs = performance.now() - started;
    return response;
  }

  private async generate(request: DataQueryRequest<DataQuery>): Promise<DataQueryResponse> {
    const step = request.intervalMs;
    const start = Math.floor(request.range.from.valueOf() / step) * step;
    const n = Math.floor((request.range.to.valueOf() - start) / step) + 1;
    const times = Array.from({ length: n }, (_, i) => start + i * step);
    let seed = 12345;
    const uniform = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const common = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      common[i] = 0.9 * common[i - 1] + (uniform() - 0.5);
    }
    const data = [];
    for (let s = 0; s < this.count; s++) {
      if (s % 50 === 49) {
        // Yield like a streaming response parser would, so the source's own work is not one long task.
        await nextTask(); // a posted message: no 4 ms timer clamp added to the upstream's time
      }
      const values = new Array<number>(n);
      let x = 0;
      const loading = (s % 10) / 10; // a tenth of the series share a common driver, more or less strongly
      for (let i = 0; i < n; i++) {
        x = 0.8 * x + (uniform() - 0.5);
        values[i] = x + loading * common[i];
      }
      data.push(
        createDataFrame({
          refId: request.targets[0]?.refId,
          fields: [
            { name: 'Time', type: FieldType.time, values: times },
            { name: 'Value', type: FieldType.number, values, labels: { series: `s${String(s).padStart(3, '0')}` } },
          ],
        })
      );
    }
    return { data };
  }

  async testDatasource() {
    return { status: 'success', message: 'ok' };
  }
}
