import { createDataFrame, FieldType } from '@grafana/data';
import type { AnalysisSpec, SignalQuery } from '../types';
import { buildRequest } from './buildRequest';
import type { SignalFrames } from './fetchSignal';

const grid = { start: 0, end: 180_000, stepMs: 60_000, visibleFrom: 0 };
const bucket = (le: string, labels: Record<string, string>) =>
  createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: [0, 60_000, 120_000, 180_000] },
      { name: 'Value', type: FieldType.number, values: [1, 1, 1, 1], labels: { le, ...labels } },
    ],
  });
const histogram = (key: string, expr: string, extra: Partial<SignalQuery> = {}): SignalFrames => ({
  signal: { key, expr, role: 'model', kind: 'histogram', transform: 'none', baseline: 'preceding', ...extra },
  frames: [bucket('1', extra.by ? { feature: 'age' } : {}), bucket('+Inf', extra.by ? { feature: 'age' } : {})],
});
const analysis: AnalysisSpec = {
  output: 'lags',
  method: 'pearson',
  maxLag: 2,
  lagMode: 'target',
  confounders: [],
  alpha: 0.05,
  adjust: 'fdr_bh',
  autocorrelation: false,
  clustering: 'none',
  includeAligned: false,
};

describe('buildRequest names histogram signals for people', () => {
  it('uses the legend, else the metric and kept labels; repeats are numbered; the id keeps the selector', async () => {
    const built = await buildRequest(
      [
        histogram('A', 'recsys_feature_value{feature="age"}', { legendFormat: '{{feature}} drift' }),
        histogram('B', 'recsys_feature_value', { by: ['feature'] }),
        histogram('C', 'recsys_feature_value', { by: ['feature'] }),
      ],
      { ...analysis, target: 'recsys_feature_value{feature="age"} drift (psi)' },
      grid,
      100
    );
    const drift = built.request.drift!.series;
    expect(drift.map((d) => d.name)).toEqual(['age drift', 'recsys_feature_value age', 'recsys_feature_value age (2)']);
    expect(drift[1].id).toBe('recsys_feature_value{feature="age"}');
    expect(built.signals[1].labels).toEqual({ feature: 'age' });
    // A target written as the full selector's drift label still resolves to the drift series.
    expect(built.request.lags?.target).toBe(built.signals[1].name);
  });
});
