import type { DataSourceInstanceSettings } from '@grafana/data';
import { emptyIncidentState, type IncidentState } from './incidentUrl';
import {
  dashboardVariables,
  INFRADRIFT_DS_TYPE,
  resolveSignalSet,
  type DashboardJson,
  type SignalSetServices,
} from './signalSet';

function ds(uid: string, type: string, isDefault = false): DataSourceInstanceSettings {
  return {
    uid,
    type,
    name: `${uid} name`,
    isDefault,
    jsonData: { defaultSource: { uid: 'prom' } },
  } as unknown as DataSourceInstanceSettings;
}

const DASHBOARD: DashboardJson = {
  title: 'Recsys',
  panels: [
    { id: 1, type: 'timeseries', datasource: { uid: 'prom' }, targets: [{ refId: 'A', expr: 'up' } as never] },
    {
      id: 2,
      type: 'row',
      panels: [
        {
          id: 7,
          title: 'Matrix',
          datasource: { uid: 'infra', type: INFRADRIFT_DS_TYPE },
          targets: [
            {
              refId: 'A',
              signals: [{ key: 'A', expr: 'accuracy', role: 'model', kind: 'gauge', transform: 'none' }],
              analysis: { confounders: ['rps'] },
            } as never,
          ],
        },
      ],
    },
  ],
};

function services(
  list: DataSourceInstanceSettings[],
  dashboards: Record<string, DashboardJson> = { d1: DASHBOARD }
): SignalSetServices {
  return {
    listDataSources: () => list,
    getDataSource: (uid) => list.find((s) => s.uid === uid),
    getDashboard: async (uid) => {
      if (!dashboards[uid]) {
        throw new Error('Dashboard not found');
      }
      return dashboards[uid];
    },
  };
}

const state = (extra: Partial<IncidentState>): IncidentState => ({ ...emptyIncidentState(), ...extra });
const ALL = [ds('prom', 'prometheus'), ds('infra', INFRADRIFT_DS_TYPE, true)];

describe('resolveSignalSet', () => {
  it('reuses the InfraDrift query of a panel, nested in a row', async () => {
    const r = await resolveSignalSet(state({ dashboard: 'd1', panel: 7 }), services(ALL));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.set.ds.uid).toBe('infra');
      expect(r.set.query.signals.map((s) => s.expr)).toEqual(['accuracy']);
      expect(r.set.query.analysis.confounders).toEqual(['rps']);
      expect(r.set.origin).toBe('Matrix (Recsys)');
    }
  });

  it('explains a missing dashboard, a missing panel, a panel without InfraDrift query, a deleted data source', async () => {
    const gone = await resolveSignalSet(state({ dashboard: 'nope', panel: 7 }), services(ALL));
    expect(!gone.ok && gone.message).toMatch(/dashboard "nope" could not be read: Dashboard not found/);
    const noPanel = await resolveSignalSet(state({ dashboard: 'd1', panel: 99 }), services(ALL));
    expect(!noPanel.ok && noPanel.message).toMatch(/no panel 99 of dashboard "Recsys"/);
    const prom = await resolveSignalSet(state({ dashboard: 'd1', panel: 1 }), services(ALL));
    expect(!prom.ok && prom.message).toMatch(/has no InfraDrift query/);
    const deleted = await resolveSignalSet(state({ dashboard: 'd1', panel: 7 }), services([ds('prom', 'prometheus')]));
    expect(!deleted.ok && deleted.message).toMatch(/InfraDrift data source "infra" .* was not found/);
  });

  it('takes the named or the default InfraDrift data source, and its default query', async () => {
    const r = await resolveSignalSet(state({}), services(ALL));
    expect(r.ok && r.set.ds.uid).toBe('infra');
    expect(r.ok && r.set.query.signals.every((s) => s.role === 'infra')).toBe(true);
    const wrongType = await resolveSignalSet(state({ ds: 'prom' }), services(ALL));
    expect(!wrongType.ok && wrongType.message).toMatch(/prometheus data source, not InfraDrift/);
    const none = await resolveSignalSet(state({}), services([ds('prom', 'prometheus')]));
    expect(!none.ok && none.message).toMatch(/No InfraDrift data source exists/);
  });

  it('makes handed-over expressions model signals on their source, joined with the infrastructure defaults', async () => {
    const r = await resolveSignalSet(state({ source: 'prom', exprs: ['rate(errors[5m])'] }), services(ALL));
    expect(r.ok).toBe(true);
    if (r.ok) {
      const [first, ...rest] = r.set.query.signals;
      expect(first).toMatchObject({
        expr: 'rate(errors[5m])',
        role: 'model',
        datasource: { uid: 'prom', type: 'prometheus' },
      });
      expect(rest.length).toBeGreaterThan(0);
      expect(rest.every((s) => s.role === 'infra')).toBe(true);
    }
    const noSource = await resolveSignalSet(state({ source: 'gone', exprs: ['up'] }), services(ALL));
    expect(!noSource.ok && noSource.message).toMatch(/"gone" of the expressions was not found/);
  });
});

describe('dashboard variables for a reused panel', () => {
  it("takes the saved values, and the URL's var-<name> over them", () => {
    const dashboard = {
      templating: {
        list: [
          { name: 'model', current: { value: 'ranker', text: 'ranker' } },
          { name: 'win', current: { value: '5m' } },
        ],
      },
    };
    expect(dashboardVariables(dashboard, { model: ['ranker-v2', 'ranker-v3'] })).toEqual({
      model: { text: 'ranker-v2 + ranker-v3', value: ['ranker-v2', 'ranker-v3'] },
      win: { text: '5m', value: '5m' },
    });
  });
});
