import {
  formatIncidentSearch,
  incidentPath,
  incidentUrlQuery,
  parseBaseline,
  parseIncidentSearch,
} from './incidentUrl';

describe('incident page URL', () => {
  it('round-trips every choice', () => {
    const state = {
      from: '1736700000000',
      to: 'now',
      baseline: { kind: 'fixed' as const, from: 1736600000000, to: 1736650000000 },
      ds: 'infradrift',
      dashboard: 'abc',
      panel: 4,
      source: 'prom',
      exprs: ['sum(rate(x{job="a&b"}[5m]))', 'up'],
      targets: ['accuracy'],
      controls: ['request rate'],
      infra: ['cpu', 'cache miss ratio'],
      vars: { model: ['ranker-v2'], pod: ['a', 'b.*'] },
      alert: 'ModelDrift',
    };
    const back = parseIncidentSearch(formatIncidentSearch(state));
    expect(back).toEqual({ ...state, baselineOk: true });
  });

  it('reads the baselines the page offers and refuses the rest', () => {
    expect(parseBaseline('preceding').baseline).toEqual({ kind: 'preceding', factor: 4 });
    expect(parseBaseline('preceding:2').baseline).toEqual({ kind: 'preceding', factor: 2 });
    expect(parseBaseline('7d').baseline).toEqual({ kind: 'shifted', shift: '7d' });
    expect(parseBaseline('fixed:5:3')).toEqual({ baseline: { kind: 'preceding', factor: 4 }, ok: false });
    expect(parseBaseline('preceding:0').ok).toBe(false);
    expect(parseBaseline('2w').ok).toBe(false);
  });

  it('drops empty, oversized and non-numeric values instead of passing them on', () => {
    expect(parseIncidentSearch('panel=').panel).toBeUndefined();
    const s = parseIncidentSearch(`?panel=x&expr=&expr=${'a'.repeat(5000)}&target=ok`);
    expect(s.panel).toBeUndefined();
    expect(s.exprs).toEqual([]);
    expect(s.targets).toEqual(['ok']);
  });

  it('builds the app path', () => {
    expect(incidentPath({ from: '1', to: '2' })).toBe(
      '/a/infradrift-correlation-app/incidents?from=1&to=2&baseline=preceding%3A4'
    );
  });
});

describe('incidentUrlQuery', () => {
  it('round-trips through the query string locationService.partial writes, and clears what the state leaves out', () => {
    const { urlUtil } = jest.requireActual('@grafana/data');
    const state = {
      ...parseIncidentSearch('from=1&to=2&baseline=7d&target=a&target=b&expr=up'),
      targets: ['a', 'b'],
    };
    const query = incidentUrlQuery(state);
    expect(query.ds).toBeUndefined();
    expect('ds' in query).toBe(true);
    // locationService.partial drops undefined keys from the merged query before rendering it.
    const kept = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    const { baselineOk: _ok, ...back } = parseIncidentSearch(urlUtil.toUrlParams(kept));
    const { baselineOk: _ok2, ...want } = state;
    expect(back).toEqual(want);
  });
});
