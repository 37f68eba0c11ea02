/**
 * The data source against stand-in upstream data sources: a hung upstream query fails after the
 * configured timeout with a message naming the signal; cancelling our query unsubscribes the upstream
 * one; an upstream error is said once; frames carry each signal's provenance.
 */
import {
  createDataFrame,
  dateTime,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceInstanceSettings,
  FieldType,
} from '@grafana/data';
import { setDataSourceSrv, setTemplateSrv } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';
import { InfraDriftDataSource } from '../../src/datasource/datasource';
import { runPipeline } from '../../src/datasource/pipeline';
import { withDefaults } from '../../src/datasource/query/defaults';
import type { InfraDriftOptions, InfraDriftQuery, SignalQuery } from '../../src/datasource/types';
import { FrameKind } from '../../src/shared/frameContract';
import { cellSources, signalProvenance } from '../../src/shared/frames';

jest.mock('../../src/worker/createWorker', () => ({
  createAnalysisWorker: () => new (jest.requireActual('../support/inProcessWorker').InProcessWorker)(),
}));

const STEP = 60_000;
const POINTS = 60;

/** An upstream data source whose answer each test decides; counts subscriptions and unsubscriptions. */
class StandIn {
  readonly uid = 'up';
  readonly type = 'prometheus';
  readonly name = 'up';
  subscribed = 0;
  unsubscribed = 0;
  sent: Array<{ expr: string; scopedVars: unknown }> = [];
  constructor(private readonly answer: (expr: string, legend: string) => DataQueryResponse | 'never') {}
  query(request: DataQueryRequest<{ refId: string; expr: string; legendFormat?: string }>) {
    const { expr, legendFormat = '' } = request.targets[0];
    this.sent.push({ expr, scopedVars: request.scopedVars });
    return new Observable<DataQueryResponse>((subscriber) => {
      this.subscribed++;
      const answer = this.answer(expr, legendFormat);
      if (answer !== 'never') {
        subscriber.next(answer);
        subscriber.complete();
      }
      return () => this.unsubscribed++;
    });
  }
}

function series(refId: string, values: (i: number) => number, labels: Record<string, string> = {}) {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: Array.from({ length: POINTS }, (_, i) => i * STEP) },
      // Named as Grafana's Prometheus names a series from the legend format.
      {
        name: 'Value',
        type: FieldType.number,
        values: Array.from({ length: POINTS }, (_, i) => values(i)),
        labels,
        config: { displayNameFromDS: refId },
      },
    ],
  });
}

function install(standIn: StandIn) {
  setDataSourceSrv({ get: async () => standIn } as never);
  setTemplateSrv({ replace: (s?: string) => s ?? '' } as never);
}

const signal = (key: string, expr: string, extra: Partial<SignalQuery> = {}): SignalQuery => ({
  key,
  expr,
  legendFormat: key,
  role: 'infra',
  kind: 'gauge',
  transform: 'none',
  ...extra,
});

function request(signals: SignalQuery[]): DataQueryRequest<InfraDriftQuery> {
  const target = withDefaults({
    refId: 'A',
    signals,
    analysis: { ...withDefaults({ refId: 'A' }).analysis, maxLag: 2, clustering: 'none' },
  });
  const from = dateTime(0);
  const to = dateTime((POINTS - 1) * STEP);
  return {
    requestId: 'r',
    range: { from, to, raw: { from, to } },
    intervalMs: STEP,
    scopedVars: {},
    targets: [target],
    app: 'dashboard',
    startTime: 0,
  } as unknown as DataQueryRequest<InfraDriftQuery>;
}

const datasource = (jsonData: InfraDriftOptions = {}) =>
  new InfraDriftDataSource({
    uid: 'infradrift',
    jsonData: { defaultSource: { type: 'prometheus', uid: 'up' }, ...jsonData },
  } as DataSourceInstanceSettings<InfraDriftOptions>);

it('upstream timeout: a signal whose source never answers fails after the configured timeout, naming the signal and the timeout', async () => {
  const standIn = new StandIn((expr) =>
    expr === 'hang' ? 'never' : { data: [series('X', (i) => Math.sin(i) + (expr === 'b' ? i / 10 : 0))] }
  );
  install(standIn);
  const response = await lastValueFrom(
    datasource({ queryTimeoutSeconds: 0.05 }).query(request([signal('A', 'hang'), signal('B', 'a'), signal('C', 'b')]))
  );
  const notices = response.data.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text);
  expect(notices).toContainEqual(
    expect.stringMatching(/^signal A \(A\) did not answer within 0\.05 s .*raise the timeout/)
  );
  // The hung query was unsubscribed when it timed out; the other two still made a matrix.
  expect(standIn.unsubscribed).toBe(standIn.subscribed);
  expect(response.data.some((f) => f.meta?.custom?.kind === FrameKind.Matrix)).toBe(true);
});

it('upstream timeout: when every signal times out, the query fails with that message instead of loading forever', async () => {
  install(new StandIn(() => 'never'));
  const response = await lastValueFrom(
    datasource({ queryTimeoutSeconds: 0.05 }).query(request([signal('A', 'x'), signal('B', 'y')]))
  );
  expect(response.state).toBe('Error');
  expect(response.errors?.[0].message).toMatch(
    /^InfraDrift: nothing to analyse: signal A \(A\) did not answer within 0\.05 s/
  );
});

it('upstream cancellation: unsubscribing from our query unsubscribes the upstream queries', async () => {
  const standIn = new StandIn(() => 'never');
  install(standIn);
  const responses: DataQueryResponse[] = [];
  const subscription = datasource()
    .query(request([signal('A', 'x'), signal('B', 'y')]))
    .subscribe((r) => responses.push(r));
  await new Promise((r) => setTimeout(r, 20));
  expect(standIn.subscribed).toBe(2);
  expect(standIn.unsubscribed).toBe(0);
  subscription.unsubscribe();
  expect(standIn.unsubscribed).toBe(2);
  await new Promise((r) => setTimeout(r, 20));
  expect(responses.map((r) => r.state)).toEqual(['Loading']);
});

it('doubled error text: an upstream error set in both `error` and `errors` is said once', async () => {
  const failure = { message: 'parse error at char 5', status: 400 };
  install(
    new StandIn((expr) =>
      expr === 'bad' ? { data: [], error: failure, errors: [failure] } : { data: [series('X', (i) => i % 7)] }
    )
  );
  const response = await lastValueFrom(
    datasource().query(request([signal('A', 'bad'), signal('B', 'a'), signal('C', 'b')]))
  );
  const text = response.data
    .flatMap((f) => f.meta?.notices ?? [])
    .map((n) => n.text)
    .find((t) => t.startsWith('signal A'));
  expect(text).toBe('signal A (A): parse error at char 5');
});

it('frames carry provenance: a matrix cell leads back to the data source, the expression as sent and the transforms', async () => {
  install(
    new StandIn((expr, legend) => ({
      data: [series(legend, (i) => (expr.includes('b') ? i * i : Math.cos(i)), { pod: 'p1' })],
    }))
  );
  const response = await lastValueFrom(
    datasource().query(
      request([signal('A', 'up_a'), signal('B', 'counter_b', { kind: 'counter', transform: 'zscore' })])
    )
  );
  const matrix = response.data.find((f) => f.meta?.custom?.kind === FrameKind.Matrix)!;
  const cell = cellSources(matrix, 'A', 'B')!;
  expect(cell.row.provenance).toEqual({
    datasource: { uid: 'up', type: 'prometheus' },
    expr: 'up_a',
    sentExpr: 'up_a',
    kind: 'gauge',
    transforms: [{ type: 'none' }],
    stepMs: STEP,
  });
  expect(cell.column.provenance).toMatchObject({
    expr: 'counter_b',
    kind: 'counter',
    transforms: [{ type: 'rate' }, { type: 'zscore' }],
  });
  expect(cell.column.labels).toEqual({ pod: 'p1' });
  expect(signalProvenance(matrix, 'B')).toEqual(cell.column.provenance);
});

it('the pipeline runs without a data source instance (as an app page calls it) and hands back the engine request', async () => {
  const standIn = new StandIn((expr, legend) => ({ data: [series(legend, (i) => (expr === 'a' ? i : Math.sin(i)))] }));
  const from = dateTime(0);
  const to = dateTime((POINTS - 1) * STEP);
  const out = await runPipeline({
    query: withDefaults({ refId: 'A', signals: [signal('A', 'a'), signal('B', 'b')] }),
    range: { from, to, raw: { from, to } },
    intervalMs: STEP,
    settings: { defaultSource: { type: 'prometheus', uid: 'up' } },
    srv: { get: async () => standIn } as never,
  });
  expect(out.request.series.map((s) => s.id)).toEqual(['A', 'B']);
  expect(out.request.grid).toEqual({ start: 0, end: (POINTS - 1) * STEP, stepMs: STEP });
  expect(out.signals.map((s) => s.provenance?.sentExpr)).toEqual(['a', 'b']);
});
