/** @jest-environment node */
import { alertSignalFrom, buildAlertRules } from './index';

const options = { stepSeconds: 60, defaultWindowSteps: 10 };

it('a gauge series of a matrix cell: its labels select it, its summary centres it, its legend names it', () => {
  const { signal, notices } = alertSignalFrom(
    {
      expr: 'rate(container_cpu_usage_seconds_total[5m])',
      kind: 'gauge',
      legendFormat: 'cpu {{pod}}',
      transform: 'zscore',
    },
    { name: 'cpu ranker-0', labels: { __name__: 'x', pod: 'ranker-0' } },
    { ...options, typical: { mean: 0.4, std: 0.1 } }
  );
  expect(signal).toEqual({
    expr: 'rate(container_cpu_usage_seconds_total[5m])',
    kind: 'gauge',
    name: 'cpu ranker-0',
    select: { pod: 'ranker-0' },
    typical: { mean: 0.4, std: 0.1 },
  });
  expect(notices).toEqual([]);
});

it('a histogram drift cell: group labels become matchers, the window and baseline carry over, PSI falls back to KS without bounds', () => {
  const def = {
    expr: 'recsys_feature_value{namespace="recsys"}',
    kind: 'histogram' as const,
    by: ['feature'],
    driftMethod: 'psi',
    baseline: '1d' as const,
    windowSteps: 5,
  };
  const info = { name: 'drift:recsys_feature_value{feature="age"}:psi', labels: { feature: 'age' } };
  const ks = alertSignalFrom(def, info, options);
  expect(ks.signal).toMatchObject({
    kind: 'histogram',
    select: { feature: 'age' },
    labels: ['feature'],
    drift: { score: 'ks', windowSeconds: 300, baseline: { kind: 'shifted', shiftSeconds: 86400 } },
  });
  expect(ks.notices[0]).toMatch(/KS .*psi needs the bucket bounds/);
  const psi = alertSignalFrom(def, info, { ...options, le: ['1', '10', '+Inf'] });
  expect(psi.signal.drift).toMatchObject({ score: 'psi', le: ['1', '10', '+Inf'] });
  expect(psi.notices).toEqual([]);
});

it('a cell turned into signals builds rules; a rolling mean is named as left out', () => {
  const a = alertSignalFrom(
    { expr: 'sum(rate(x_total[5m]))', kind: 'gauge', transform: 'rollingMean' },
    { name: 'x', labels: {} },
    { ...options, typical: { mean: 5, std: 1 } }
  );
  expect(a.notices[0]).toMatch(/rolling mean is left out/);
  const b = alertSignalFrom({ expr: 'h', kind: 'histogram', windowSteps: 10 }, { name: 'h', labels: {} }, options);
  const out = buildAlertRules({
    datasource: { uid: 'prom' },
    rules: [{ type: 'correlation', name: 'x vs h', a: a.signal, b: b.signal, windowSeconds: 3600 }],
  });
  expect(out.ok).toBe(true);
});
