import { ALERT_LEAD_IN_MS, alertInstanceTarget } from './alertInstance';
import { GrafanaLookups, NO_LOOKUPS } from './querySignals';
import { HOSTILE_EXPR, roundTrip } from './testContexts';

const ACTIVE = '2026-01-12T16:40:00Z';
const ACTIVE_MS = Date.parse(ACTIVE);
const NOW = ACTIVE_MS + 20 * 60_000;

/** A Grafana-managed rule's `query` as its Prometheus-compatible API gives it: the rule's queries as JSON. */
const GRAFANA_RULE_QUERY = JSON.stringify([
  {
    refId: 'A',
    datasourceUid: 'prom-main',
    relativeTimeRange: { from: 600, to: 0 },
    model: { refId: 'A', expr: HOSTILE_EXPR, datasource: { type: 'prometheus', uid: 'prom-main' }, hide: true },
  },
  { refId: 'B', datasourceUid: '__expr__', model: { refId: 'B', type: 'threshold', expression: 'A' } },
]);

const firing = {
  rule: { name: 'ModelScoreDrift', query: GRAFANA_RULE_QUERY, labels: {}, annotations: {} },
  instance: {
    activeAt: ACTIVE,
    state: 'Alerting',
    labels: { alertname: 'ModelScoreDrift' },
    annotations: {},
    value: '',
  },
};

describe('alert instance → incident page', () => {
  it('opens a firing alert from before it became active until now, with its Prometheus queries', () => {
    const target = alertInstanceTarget(firing, NOW);
    expect(target?.state).toMatchObject({
      from: String(ACTIVE_MS - ALERT_LEAD_IN_MS),
      to: 'now',
      alert: 'ModelScoreDrift',
      source: 'prom-main',
      exprs: [HOSTILE_EXPR],
    });
    expect(target?.skipped).toEqual([{ refId: 'B', reason: 'it is a server-side expression, not a query' }]);
    expect(roundTrip(target!.state)).toEqual(target!.state);
  });

  it('ends a resolved alert at its end; an end still in the future (Alertmanager, firing) means now', () => {
    const endsAt = new Date(ACTIVE_MS + 10 * 60_000).toISOString();
    const resolved = alertInstanceTarget({ ...firing, instance: { startsAt: ACTIVE, endsAt, state: 'Normal' } }, NOW);
    expect([resolved?.state.from, resolved?.state.to]).toEqual([
      String(ACTIVE_MS - ALERT_LEAD_IN_MS),
      String(ACTIVE_MS + 10 * 60_000),
    ]);
    const later = new Date(NOW + 60_000).toISOString();
    expect(alertInstanceTarget({ ...firing, instance: { startsAt: ACTIVE, endsAt: later } }, NOW)?.state.to).toBe(
      'now'
    );
  });

  it('is hidden without an active time (Grafana’s zero time, none, or in the future)', () => {
    const at = (activeAt?: string) => alertInstanceTarget({ ...firing, instance: { activeAt, state: 'Normal' } }, NOW);
    expect(at('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(at(undefined)).toBeUndefined();
    expect(at('not a time')).toBeUndefined();
    expect(at(new Date(NOW + 60_000).toISOString())).toBeUndefined();
    expect(alertInstanceTarget(undefined, NOW)).toBeUndefined();
  });

  it('reads a data source-managed rule’s PromQL on its rules source, and leaves it out when that is unknown', () => {
    const rule = { name: 'HighLatency', query: 'histogram_quantile(0.99, rate(l_bucket[5m])) > 0.5' };
    const withSource = alertInstanceTarget(
      { ...firing, rule: { ...rule, namespace: { rulesSource: { type: 'prometheus', uid: 'mimir' } } } },
      NOW
    );
    expect(withSource?.state).toMatchObject({ source: 'mimir', exprs: [rule.query], alert: 'HighLatency' });
    // Grafana 13's flat context carries no rules source: the window and the name still open the page.
    const flat = alertInstanceTarget({ ...firing, rule }, NOW);
    expect(flat?.state).toMatchObject({ exprs: [], alert: 'HighLatency', to: 'now' });
    expect(flat?.state.source).toBeUndefined();
    expect(flat?.skipped).toEqual([{ refId: 'A', reason: 'it names no data source of its own' }]);
  });

  it('resolves a rule query’s data source by uid through Grafana when the model names no type', () => {
    const query = JSON.stringify([{ refId: 'A', datasourceUid: 'prom-main', model: { refId: 'A', expr: 'up' } }]);
    const lookups: GrafanaLookups = {
      ...NO_LOOKUPS,
      resolveDataSource: (ref) =>
        (typeof ref === 'string' ? ref : ref.uid) === 'prom-main'
          ? { type: 'prometheus', uid: 'prom-main' }
          : undefined,
    };
    expect(alertInstanceTarget({ ...firing, rule: { name: 'X', query } }, NOW, lookups)?.state.exprs).toEqual(['up']);
  });
});
