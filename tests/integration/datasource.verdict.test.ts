/**
 * A matrix query with the verdict on, through the data source and the in-process worker: the matrix
 * frame is the one the query gives without the verdict (the baseline does not enter it), and a verdict
 * frame follows with one row per model signal, the window and the data source in its meta.
 */
import { DataFrame, dateTime, DataQueryRequest, DataSourceInstanceSettings } from '@grafana/data';
import { setDataSourceSrv, setTemplateSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { InfraDriftDataSource } from '../../src/datasource/datasource';
import { withDefaults } from '../../src/datasource/query/defaults';
import type { InfraDriftOptions, InfraDriftQuery, SignalQuery, VerdictSetting } from '../../src/datasource/types';
import { FrameKind } from '../../src/shared/frameContract';
import { readVerdictFrame } from '../../src/shared/frames';
import { rangeUpstream } from '../../src/testing/rangeUpstream';

jest.mock('../../src/worker/createWorker', () => ({
  createAnalysisWorker: () => new (jest.requireActual('../support/inProcessWorker').InProcessWorker)(),
}));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T = Date.UTC(2026, 0, 10);

/** Seeded noise, so the test does not depend on Math.random. */
function noise(seed: number): (i: number) => number {
  return (i) => {
    const x = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43758.5453;
    return x - Math.floor(x) - 0.5;
  };
}

/** Every signal over whatever range is asked, one point per step; all but the request rate step up in the last hour. */
function install() {
  const { srv } = rangeUpstream(
    (expr, t) => noise(expr.length)(t / MINUTE) + (t > T - HOUR && expr !== 'rate' ? 3 : 0)
  );
  setDataSourceSrv(srv);
  setTemplateSrv({ replace: (s?: string) => s ?? '' } as never);
}

const signal = (expr: string, role: SignalQuery['role']): SignalQuery => ({
  key: expr.toUpperCase(),
  expr,
  legendFormat: expr,
  role,
  kind: 'gauge',
  transform: 'none',
});

function request(verdict?: VerdictSetting): DataQueryRequest<InfraDriftQuery> {
  const base = withDefaults({ refId: 'A' });
  const target: InfraDriftQuery = {
    ...base,
    signals: [signal('cpu', 'infra'), signal('rate', 'infra'), signal('conversion', 'model'), signal('acc', 'model')],
    analysis: { ...base.analysis, maxLag: 2, ...(verdict ? { verdict } : {}) },
  };
  const from = dateTime(T - HOUR);
  const to = dateTime(T);
  return {
    requestId: 'r',
    panelId: 3,
    range: { from, to, raw: { from, to } },
    intervalMs: MINUTE,
    scopedVars: {},
    targets: [target],
    app: 'dashboard',
    startTime: 0,
  } as unknown as DataQueryRequest<InfraDriftQuery>;
}

const datasource = () =>
  new InfraDriftDataSource({
    uid: 'infradrift',
    jsonData: { defaultSource: { type: 'prometheus', uid: 'prom' } },
  } as DataSourceInstanceSettings<InfraDriftOptions>);

const matrixOf = (frames: DataFrame[]) => frames.find((f) => f.meta?.custom?.kind === FrameKind.Matrix)!;

beforeEach(install);

it('verdict on: the matrix is the visible range’s, and a verdict frame follows with one row per model signal', async () => {
  const plain = await lastValueFrom(datasource().query(request()));
  const judged = await lastValueFrom(datasource().query(request({ enabled: true, baseline: 'preceding' })));
  expect(judged.state).toBe('Done');
  const values = (f: DataFrame) => f.fields.map((x) => [x.name, x.values]);
  expect(values(matrixOf(judged.data))).toEqual(values(matrixOf(plain.data)));
  expect(readVerdictFrame(plain.data)).toBeUndefined();

  const verdict = readVerdictFrame(judged.data)!;
  expect(verdict.meta).toMatchObject({
    incident: { from: T - HOUR, to: T },
    baseline: { kind: 'preceding', factor: 4 },
    datasourceUid: 'infradrift',
  });
  expect(verdict.meta.caution).toMatch(/correlation alone does not show/);
  expect(verdict.verdicts.map((v) => v.target)).toEqual(['conversion', 'acc']);
  for (const v of verdict.verdicts) {
    expect(v.sentence).not.toMatch(/\bcauses?\b/);
  }
});
