import type { SignalInfo } from '../../shared/frameContract';
import { histogramSource } from './histogramSource';

const info = (expr: string, labels: Record<string, string>, kind: 'histogram' | 'gauge' = 'histogram'): SignalInfo => ({
  name: 'drift:x:psi',
  role: 'model',
  signal: 'D',
  labels,
  expr,
  provenance: { datasource: null, expr, sentExpr: null, kind, transforms: [], stepMs: 60_000 },
});

it('gives the full selector behind a short drift name: the expression with the kept labels added', () => {
  expect(histogramSource(info('recsys_feature_value{model="m"}', { feature: 'age' }))).toBe(
    'recsys_feature_value{model="m",feature="age"}'
  );
  expect(histogramSource(info('recsys_feature_value', { feature: 'a"b' }))).toBe(
    'recsys_feature_value{feature="a\\"b"}'
  );
  expect(histogramSource(info('h{feature="age"}', { feature: 'age' }))).toBe('h{feature="age"}');
  expect(histogramSource(info('h{}', { f: 'x' }))).toBe('h{f="x"}');
});

it('is undefined for signals that are no histogram', () => {
  expect(histogramSource(info('rate(x[5m])', {}, 'gauge'))).toBeUndefined();
  expect(histogramSource(undefined)).toBeUndefined();
});
