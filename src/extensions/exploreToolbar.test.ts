import { exploreToolbarTarget } from './exploreToolbar';
import { FROM, HOSTILE_EXPR, INFRADRIFT, PROM, ranData, roundTrip, TO } from './testContexts';

describe('Explore toolbar → incident page', () => {
  it('maps Explore queries and range as a panel’s (no dashboard, no panel)', () => {
    const targets = [
      { refId: 'A', datasource: PROM, expr: HOSTILE_EXPR },
      { refId: 'B', datasource: PROM, expr: 'up', hide: true },
    ];
    const target = exploreToolbarTarget({
      exploreId: 'left',
      targets: targets as never,
      data: ranData(targets as never),
      timeRange: { from: 'now-1h', to: 'now' },
      timeZone: 'utc',
    });
    expect(target?.state).toMatchObject({
      from: String(FROM),
      to: String(TO),
      source: 'prom-main',
      exprs: [HOSTILE_EXPR],
    });
    expect(target?.state.dashboard).toBeUndefined();
    expect(target?.state.panel).toBeUndefined();
    expect(target?.skipped).toEqual([{ refId: 'B', reason: 'it is hidden' }]);
    expect(roundTrip(target!.state)).toEqual(target!.state);
  });

  it('hands over an InfraDrift query as its data source', () => {
    const target = exploreToolbarTarget({
      targets: [{ refId: 'A', datasource: INFRADRIFT }] as never,
      timeRange: { from: String(FROM), to: String(TO) } as never,
    });
    expect(target?.state).toMatchObject({ ds: 'infradrift', from: String(FROM), to: String(TO) });
  });

  it('is hidden without a usable query', () => {
    expect(
      exploreToolbarTarget({ targets: [{ refId: 'A', datasource: { type: 'loki', uid: 'l' } }] as never })
    ).toBeUndefined();
    expect(exploreToolbarTarget(undefined)).toBeUndefined();
  });
});
