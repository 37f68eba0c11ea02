import { histogramExpr, HistogramExprError } from './histogramExpr';
import { interpolateQuery } from './interpolate';
import { chooseStepMs, timeGrid } from './timeGrid';
import { withDefaults } from './defaults';
import type { SignalQuery } from '../types';

describe('histogramExpr', () => {
  it('sums per-step bucket increases by le and the kept labels', () => {
    expect(histogramExpr('recsys_feature_value{feature="age"}', ['feature'], 60)).toBe(
      'sum by (le, feature) (increase(recsys_feature_value_bucket{feature="age"}[120s])) / 2'
    );
  });
  it('accepts the _bucket name too and ignores a user-given le', () => {
    expect(histogramExpr('x_bucket', ['le'], 30)).toBe('sum by (le) (increase(x_bucket[60s])) / 2');
  });
  it('refuses expressions that are not a histogram selector, saying what it expects', () => {
    expect(() => histogramExpr('rate(x[5m])', [], 60)).toThrow(HistogramExprError);
    expect(() => histogramExpr('x', ['bad-label'], 60)).toThrow(/not a valid label name/);
  });
});

describe('time grid', () => {
  it('follows Grafana’s interval but never below the minimum step or above the point cap', () => {
    expect(chooseStepMs(0, 3_600_000, 15_000, {})).toBe(60_000);
    expect(chooseStepMs(0, 3_600_000, 120_000, {})).toBe(120_000);
    expect(chooseStepMs(0, 7 * 86_400_000, 60_000, { maxPoints: 1000 })).toBe(606_000);
  });
  it('aligns to the step and reaches back for histogram baselines', () => {
    const hist: SignalQuery = {
      key: 'H',
      expr: 'h',
      role: 'model',
      kind: 'histogram',
      transform: 'none',
      windowSteps: 10,
    };
    const g = timeGrid(3_630_000, 7_200_000, 60_000, {}, [hist]);
    expect(g.stepMs).toBe(60_000);
    expect(g.start % 60_000).toBe(0);
    expect(g.visibleFrom - g.start).toBeGreaterThanOrEqual(50 * 60_000);
    expect(timeGrid(3_630_000, 7_200_000, 60_000, {}, []).start).toBe(3_600_000);
  });
});

describe('interpolation', () => {
  const templateSrv = {
    replace: (text: string) =>
      text
        .replace(/\$pod/g, 'ranker-1')
        .replace(/\$ds/g, 'prom-uid')
        .replace(/\$rate/g, 'request rate'),
  } as never;
  it('replaces variables in every text field', () => {
    const q = withDefaults({
      refId: 'A',
      signals: [
        {
          key: 'A',
          expr: 'up{pod="$pod"}',
          legendFormat: '$pod',
          role: 'infra',
          kind: 'gauge',
          transform: 'none',
          datasource: { type: 'prometheus', uid: '$ds' },
        },
      ],
      analysis: { ...withDefaults({ refId: 'A' }).analysis, target: '$pod', confounders: ['$rate'] },
    });
    const out = interpolateQuery(q, templateSrv);
    expect(out.signals[0]).toMatchObject({
      expr: 'up{pod="ranker-1"}',
      legendFormat: 'ranker-1',
      datasource: { uid: 'prom-uid' },
    });
    expect(out.analysis).toMatchObject({ target: 'ranker-1', confounders: ['request rate'] });
  });
});
