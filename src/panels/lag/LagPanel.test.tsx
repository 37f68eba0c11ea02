import React from 'react';
import { render, screen } from '@testing-library/react';
import { PanelOptionsEditorBuilder, PanelProps } from '@grafana/data';
import { FrameKind, type LagMeta } from '../../shared/frameContract';
import { analyze, type AnalyzeRequest } from '../../stats';
import { engineFrames, panelProps, timeSeriesFrames } from '../testing/fixtures';
import { installPanelTestEnv } from '../testing/setup';
import { LagPanel } from './LagPanel';
import { plugin } from './module';
import { defaultLagOptions, LagOptions } from './types';

const run = jest.fn((request: AnalyzeRequest) =>
  Promise.resolve({ result: analyze(request), mode: 'worker' as const })
);
jest.mock('../../worker', () => ({
  AnalysisCancelled: class AnalysisCancelled extends Error {},
  getAnalysisClient: () => ({ run }),
}));

function props(series = engineFrames(), options: Partial<LagOptions> = {}): PanelProps<LagOptions> {
  return panelProps(3, series, { ...defaultLagOptions, ...options }, { width: 700, height: 420 });
}

installPanelTestEnv();
beforeEach(() => run.mockClear());

it('exposes its options with defaults', () => {
  const builder = new PanelOptionsEditorBuilder<LagOptions>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  const items = builder.getItems();
  expect(items.map((i) => i.path).sort()).toEqual(Object.keys(defaultLagOptions).sort());
  items.forEach((i) => expect(i.defaultValue).toEqual(defaultLagOptions[i.path as keyof LagOptions]));
});

it('draws one chart per pair, strongest first, with the best lag in words and the sign convention', () => {
  render(<LagPanel {...props()} />);
  const charts = screen.getAllByTestId('infradrift-lag-multiple');
  expect(charts).toHaveLength(3);
  expect(charts[0]).toHaveTextContent('cache_miss_ratio → model_drift');
  expect(charts[0]).toHaveTextContent('cache_miss_ratio leads by 3m (r = ');
  expect(charts[0]).toHaveTextContent('← model_drift leads');
  expect(charts[0]).toHaveTextContent('cache_miss_ratio leads →');
  expect(screen.getAllByTestId('infradrift-best-lag').length).toBeGreaterThanOrEqual(3);
});

it('overlays pairs with a legend in words', () => {
  render(<LagPanel {...props(engineFrames(), { layout: 'overlay' })} />);
  expect(screen.getAllByTestId('infradrift-lag-chart')).toHaveLength(1);
  expect(screen.getByTestId('infradrift-lag-legend')).toHaveTextContent('cache_miss_ratio leads model_drift by 3m');
});

/** The engine's frames with the first (strongest) pair's lead evidence replaced. */
function withEvidence(evidence: Partial<LagMeta>) {
  const frames = engineFrames();
  const lag = frames.find(
    (f) =>
      (f.meta?.custom as LagMeta | undefined)?.kind === FrameKind.Lag &&
      (f.meta!.custom as LagMeta).a === 'cache_miss_ratio'
  )!;
  lag.meta!.custom = { ...lag.meta!.custom, ...evidence };
  return frames;
}

it('says "no clear lead" for a best lag whose q is above alpha, in the caption, its title and the legend', () => {
  const frames = withEvidence({ qBestLag: 0.4 });
  const { unmount } = render(<LagPanel {...props(frames)} />);
  const chart = screen.getAllByTestId('infradrift-lag-multiple')[0];
  expect(chart).toHaveTextContent('cache_miss_ratio → model_drift');
  expect(chart).toHaveTextContent('no clear lead (r = ');
  expect(chart).not.toHaveTextContent('leads by');
  expect(chart.querySelector('[data-testid="infradrift-best-lag-text"] title')!.textContent).toMatch(
    /^No clear lead between cache_miss_ratio and model_drift \(strongest lag: r = 0\.\d\d, q = 0\.40\)\.$/
  );
  unmount();
  render(<LagPanel {...props(frames, { layout: 'overlay' })} />);
  expect(screen.getByTestId('infradrift-lag-legend')).toHaveTextContent(
    'cache_miss_ratio → model_drift: No clear lead between cache_miss_ratio and model_drift'
  );
});

it('asks to widen the lag range when a significant peak sits at the edge', () => {
  render(<LagPanel {...props(withEvidence({ qBestLag: 0.0001, atEdge: true }))} />);
  // The fixture searched ±6 steps of 60 s.
  expect(screen.getAllByTestId('infradrift-lag-multiple')[0]).toHaveTextContent(
    'peak at the edge of ±6m: widen the lag range (r = '
  );
});

it("reads frames without the decision's inputs (older frames) as no clear lead", () => {
  render(<LagPanel {...props(withEvidence({ qBestLag: undefined, pBestLag: undefined }))} />);
  expect(screen.getAllByTestId('infradrift-lag-multiple')[0]).toHaveTextContent('no clear lead (r = ');
});

it('states: no data, and no lag frames', () => {
  const { unmount } = render(<LagPanel {...props([])} />);
  expect(screen.getByText('No data')).toBeInTheDocument();
  unmount();
  render(<LagPanel {...props(engineFrames({ lags: false }))} />);
  expect(screen.getByText('No lag curves in the query result')).toBeInTheDocument();
});

it('in time series mode lags every series against the chosen target in the worker', async () => {
  render(<LagPanel {...props(timeSeriesFrames(), { target: 'model_drift', maxLag: 5 })} />);
  expect(await screen.findByText('Every series against model_drift.')).toBeInTheDocument();
  const [request, opts] = run.mock.calls[0] as unknown as [AnalyzeRequest, { key: string }];
  expect(request.lags).toMatchObject({ maxLag: 5, target: 'model_drift' });
  expect(opts.key).toBe('lag-panel-3');
  expect(screen.getAllByTestId('infradrift-lag-multiple')).toHaveLength(2);
  expect(screen.getAllByTestId('infradrift-lag-multiple')[0]).toHaveTextContent('cache_miss_ratio leads by 3m');
});
