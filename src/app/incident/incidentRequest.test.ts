import type { DataSourceSrv } from '@grafana/runtime';
import type { PipelineInput, PipelineOutput } from '../../datasource/pipeline';
import { INFRADRIFT_DS_TYPE } from './signalSet';
import { emptyIncidentState, type IncidentState } from './incidentUrl';
import { isEmptyWindow, prepareIncident, type IncidentRequestServices } from './incidentRequest';

const NOW = Date.UTC(2026, 0, 12, 12);
const HOUR = 3600_000;
const STEP = 60_000;

/** A pipeline that returns one model and one infrastructure series on the grid of the range it is given. */
function fakePipeline(calls: PipelineInput[]) {
  return async (input: PipelineInput): Promise<PipelineOutput> => {
    calls.push(input);
    const start = Math.floor(input.range.from.valueOf() / STEP) * STEP;
    const end = Math.floor(input.range.to.valueOf() / STEP) * STEP;
    const n = (end - start) / STEP + 1;
    return {
      request: {
        version: 1,
        grid: { start, end, stepMs: STEP },
        series: ['accuracy', 'cpu'].map((id) => ({ id, name: id, values: new Float64Array(n).fill(1) })),
        correlation: { method: 'pearson', enabled: true },
        lags: { maxLag: 10, all: true },
      },
      signals: [
        { name: 'accuracy', role: 'model', signal: 'A', labels: {} },
        { name: 'cpu', role: 'infra', signal: 'B', labels: {} },
      ],
      notices: [],
      grid: { start, end, stepMs: STEP, visibleFrom: start },
      query: input.query,
    };
  };
}

function services(runPipeline: IncidentRequestServices['runPipeline']): IncidentRequestServices {
  const infra = { uid: 'infra', name: 'InfraDrift', type: INFRADRIFT_DS_TYPE, isDefault: true, jsonData: {} };
  return {
    srv: {} as DataSourceSrv,
    runPipeline,
    listDataSources: () => [infra as never],
    getDataSource: (uid) => (uid === 'infra' ? (infra as never) : undefined),
    getDashboard: async () => ({}),
  };
}

const state = (extra: Partial<IncidentState>): IncidentState => ({
  ...emptyIncidentState(),
  from: String(NOW - HOUR),
  to: String(NOW),
  ...extra,
});

describe('prepareIncident', () => {
  it('runs the pipeline on the incident and a week before with one step, and asks the engine to compare', async () => {
    const calls: PipelineInput[] = [];
    const r = await prepareIncident(
      state({ baseline: { kind: 'shifted', shift: '7d' } }),
      services(fakePipeline(calls)),
      NOW
    );
    expect(calls.map((c) => [c.range.from.valueOf(), c.intervalMs])).toEqual([
      [NOW - 7 * 24 * HOUR - HOUR, STEP],
      [NOW - HOUR, STEP],
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      const { request } = r.prepared;
      expect(request.compare).toEqual({
        incident: { from: NOW - HOUR, to: NOW },
        baseline: { kind: 'shifted', shift: '7d' },
        targets: ['accuracy'],
        controls: [],
        infrastructure: expect.any(Array),
        includeMatrices: true,
      });
      expect(request.includeAligned).toBe(true);
      expect(request.correlation?.enabled).toBe(false);
      expect(request.lags).toBeUndefined();
      expect(request.grid).toEqual({ start: NOW - 7 * 24 * HOUR - HOUR, end: NOW, stepMs: STEP });
    }
  });

  it('stops with the stage and message of what went wrong', async () => {
    const failing = async () => {
      throw new Error('nothing to analyse: no signal returned data');
    };
    expect(await prepareIncident(state({}), services(failing), NOW)).toMatchObject({
      ok: false,
      stage: 'empty',
      message: /nothing to analyse/,
    });
    const unknown = await prepareIncident(state({ targets: ['latency'] }), services(fakePipeline([])), NOW);
    expect(unknown).toMatchObject({ ok: false, stage: 'targets', series: [{ name: 'accuracy' }, { name: 'cpu' }] });
    expect(await prepareIncident(state({ to: 'never' }), services(fakePipeline([])), NOW)).toMatchObject({
      ok: false,
      stage: 'window',
    });
  });

  it('tells an empty window from a failed source', () => {
    expect(isEmptyWindow('nothing to analyse: signal A: the query returned no series in this time range')).toBe(true);
    expect(
      isEmptyWindow(
        'nothing to analyse: signal A: 502 Bad Gateway; signal B: the query returned no series in this time range'
      )
    ).toBe(false);
    expect(isEmptyWindow('the query has no signals')).toBe(false);
  });
});
