import { panelMenuTarget } from './panelMenu';
import { GrafanaLookups, NO_LOOKUPS } from './querySignals';
import { FROM, HOSTILE_EXPR, INFRADRIFT, panelContext, PROM, ranData, roundTrip, TO } from './testContexts';

const LOKI = { type: 'loki', uid: 'logs' };

describe('panel menu → incident page', () => {
  it('hands over the Prometheus expressions and the panel range in ms', () => {
    const target = panelMenuTarget(
      panelContext([
        { refId: 'A', datasource: PROM, expr: 'rate(http_requests_total[5m])' } as never,
        { refId: 'B', datasource: PROM, expr: 'histogram_quantile(0.99, rate(latency_bucket[5m]))' } as never,
      ])
    );
    expect(target?.state).toMatchObject({
      from: String(FROM),
      to: String(TO),
      source: 'prom-main',
      exprs: ['rate(http_requests_total[5m])', 'histogram_quantile(0.99, rate(latency_bucket[5m]))'],
    });
    expect(target?.state.ds).toBeUndefined();
    expect(target?.skipped).toEqual([]);
  });

  it('prefers the range the data was queried over (a panel time shift) and freezes relative ranges', () => {
    const shifted = { from: FROM - 86_400_000, to: TO - 86_400_000 };
    const query = { refId: 'A', datasource: PROM, expr: 'up' };
    const withData = panelMenuTarget(panelContext([query as never], { data: ranData([query as never], shifted) }));
    expect([withData?.state.from, withData?.state.to]).toEqual([String(shifted.from), String(shifted.to)]);

    const now = Date.now();
    const relative = panelMenuTarget(panelContext([query as never], { timeRange: { from: 'now-1h', to: 'now' } }));
    expect(Number(relative?.state.to)).toBeGreaterThanOrEqual(now);
    expect(Number(relative?.state.to) - Number(relative?.state.from)).toBe(3_600_000);
  });

  it('in a mixed panel takes each query by its own data source and says why others are left out', () => {
    const target = panelMenuTarget(
      panelContext([
        { refId: 'A', datasource: PROM, expr: 'up' } as never,
        { refId: 'B', datasource: LOKI, expr: '{job="api"}' } as never,
        { refId: 'C', datasource: { type: 'prometheus', uid: 'prom-other' }, expr: 'up' } as never,
        { refId: 'D', datasource: { type: '__expr__', uid: '__expr__' }, expression: '$A > 1' } as never,
      ])
    );
    expect(target?.state.exprs).toEqual(['up']);
    expect(target?.state.source).toBe('prom-main');
    expect(target?.skipped.map((s) => s.refId)).toEqual(['B', 'C', 'D']);
    expect(target?.skipped[0].reason).toMatch(/loki query, not PromQL/);
    expect(target?.skipped[1].reason).toMatch(/another Prometheus/);
  });

  it('reads the data source a query inherits from the panel where Grafana ran it', () => {
    // The query names none (the panel's own applies), or the mixed pseudo data source: PanelData.request has the real one.
    const targets = [
      { refId: 'A', expr: 'up' },
      { refId: 'B', datasource: { uid: '-- Mixed --' }, expr: 'x' },
    ];
    const ran = targets.map((t) => ({ ...t, datasource: PROM }));
    const target = panelMenuTarget(panelContext(targets as never, { data: ranData(ran as never) }));
    expect(target?.state.exprs).toEqual(['up', 'x']);
    expect(target?.state.source).toBe('prom-main');
  });

  it('skips hidden queries and queries without an expression', () => {
    const target = panelMenuTarget(
      panelContext([
        { refId: 'A', datasource: PROM, expr: 'up', hide: true } as never,
        { refId: 'B', datasource: PROM, expr: '   ' } as never,
        { refId: 'C', datasource: PROM } as never,
        { refId: 'D', datasource: PROM, expr: 'node_load1' } as never,
      ])
    );
    expect(target?.state.exprs).toEqual(['node_load1']);
    expect(target?.skipped).toEqual([
      { refId: 'A', reason: 'it is hidden' },
      { refId: 'B', reason: 'it has no expression' },
      { refId: 'C', reason: 'it has no expression' },
    ]);
  });

  it('resolves a data source variable through Grafana and interpolates dashboard variables', () => {
    const lookups: GrafanaLookups = {
      resolveDataSource: (ref) =>
        (typeof ref === 'string' ? ref : ref.uid) === '${ds}' ? PROM : NO_LOOKUPS.resolveDataSource(ref),
      interpolateExpr: (expr) => expr.replace('$job', 'api'),
      dashboardVariables: () => ({}),
    };
    const context = panelContext([
      { refId: 'A', datasource: { type: 'prometheus', uid: '${ds}' }, expr: 'up{job="$job"}' } as never,
    ]);
    expect(panelMenuTarget(context, lookups)?.state).toMatchObject({ source: 'prom-main', exprs: ['up{job="api"}'] });
    // Without a current value the variable cannot become a link: the query is left out, with the reason.
    expect(panelMenuTarget(context)).toBeUndefined();
  });

  it('reuses an InfraDrift panel as a panel (data source, dashboard, panel id)', () => {
    const target = panelMenuTarget(
      panelContext([{ refId: 'A', datasource: INFRADRIFT } as never], { pluginId: 'infradrift-matrix-panel' })
    );
    expect(target?.state).toMatchObject({ ds: 'infradrift', dashboard: 'ml-service', panel: 7, exprs: [] });
    expect(target?.state.source).toBeUndefined();
  });

  it('carries the dashboard variables as they are now, so the reused query means what the panel showed', () => {
    const lookups: GrafanaLookups = { ...NO_LOOKUPS, dashboardVariables: () => ({ model: ['ranker-v2'] }) };
    const target = panelMenuTarget(panelContext([{ refId: 'A', datasource: INFRADRIFT } as never]), lookups);
    expect(target?.state.vars).toEqual({ model: ['ranker-v2'] });
    expect(roundTrip(target!.state)).toEqual(target!.state);
  });

  it('is hidden on a panel without a usable query', () => {
    expect(
      panelMenuTarget(panelContext([{ refId: 'A', datasource: LOKI, expr: '{job="x"}' } as never]))
    ).toBeUndefined();
    expect(panelMenuTarget(panelContext([]))).toBeUndefined();
    expect(panelMenuTarget(undefined)).toBeUndefined();
  });

  it('keeps hostile label text as text through the URL', () => {
    const target = panelMenuTarget(panelContext([{ refId: 'A', datasource: PROM, expr: HOSTILE_EXPR } as never]));
    expect(target?.state.exprs).toEqual([HOSTILE_EXPR]);
    expect(roundTrip(target!.state)).toEqual(target!.state);
  });
});
