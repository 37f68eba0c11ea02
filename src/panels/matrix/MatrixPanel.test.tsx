import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { dateTime, PanelOptionsEditorBuilder, PanelProps } from '@grafana/data';
import { analyze, type AnalyzeRequest } from '../../stats';
import { engineFrames, panelProps, STEP, T0, timeSeriesFrames } from '../testing/fixtures';
import { installPanelTestEnv } from '../testing/setup';
import { CellTooltip } from './CellTooltip';
import { DrillDown } from './DrillDown';
import { cellInfo, buildMatrixModel } from './model/matrixModel';
import { MatrixPanel } from './MatrixPanel';
import { plugin } from './module';
import { defaultMatrixOptions, MatrixOptions } from './types';

const run = jest.fn((request: AnalyzeRequest) =>
  Promise.resolve({ result: analyze(request), mode: 'worker' as const })
);
jest.mock('../../worker', () => ({
  AnalysisCancelled: class AnalysisCancelled extends Error {},
  getAnalysisClient: () => ({ run }),
}));

function props(
  series = engineFrames({ aligned: true }),
  options: Partial<MatrixOptions> = {}
): PanelProps<MatrixOptions> {
  return panelProps(7, series, { ...defaultMatrixOptions, ...options });
}

installPanelTestEnv();
beforeEach(() => run.mockClear());

describe('options', () => {
  it('exposes every option with its default through the builder', () => {
    const builder = new PanelOptionsEditorBuilder<MatrixOptions>();
    plugin.getPanelOptionsSupplier()(builder, { data: [] });
    const items = Object.fromEntries(builder.getItems().map((i) => [i.path, i]));
    expect(Object.keys(items).sort()).toEqual(Object.keys(defaultMatrixOptions).sort());
    for (const [path, value] of Object.entries(defaultMatrixOptions)) {
      expect(items[path].defaultValue).toEqual(value);
    }
    expect(items.showDendrogram.showIf!({ ...defaultMatrixOptions, clusterOrder: false }, undefined)).toBe(false);
    expect(items.triangle.showIf!({ ...defaultMatrixOptions, layout: 'model-infra' }, undefined)).toBe(false);
  });
});

describe('states', () => {
  it('says what to do when there is no data', () => {
    render(<MatrixPanel {...props([])} />);
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(screen.getByText(/InfraDrift Correlation data source/)).toBeInTheDocument();
  });

  it('needs two series in time series mode', () => {
    render(<MatrixPanel {...props(timeSeriesFrames().slice(0, 1))} />);
    expect(screen.getByText('Only 1 series: at least 2 are needed')).toBeInTheDocument();
    expect(run).not.toHaveBeenCalled();
  });

  it('explains a result without a matrix frame', () => {
    render(<MatrixPanel {...props(engineFrames().slice(1))} />);
    expect(screen.getByText('No correlation matrix in the query result')).toBeInTheDocument();
  });

  it('says "too few points" when no pair has a number', () => {
    const short = [
      { id: 'a', values: [1, 2] },
      { id: 'b', values: [2, 1] },
    ];
    render(<MatrixPanel {...props(engineFrames({ series: short, lags: false }))} />);
    expect(screen.getByText('No correlations could be computed')).toBeInTheDocument();
    expect(screen.getByText(/widen the time range/)).toBeInTheDocument();
  });

  it('computes from time series in the worker with the panel options, then renders the grid', async () => {
    render(<MatrixPanel {...props(timeSeriesFrames(), { method: 'spearman', maxLag: 4 })} />);
    expect(screen.getByText(/Computing correlations/)).toBeInTheDocument();
    await screen.findByTestId('infradrift-matrix-grid');
    const [request, opts] = run.mock.calls[0] as unknown as [AnalyzeRequest, { key: string }];
    expect(request.correlation?.method).toBe('spearman');
    expect(request.lags).toMatchObject({ maxLag: 4, all: true });
    expect(opts.key).toBe('matrix-panel-7');
  });
});

describe('tooltip and keyboard', () => {
  it('shows every number of a cell', () => {
    const built = buildMatrixModel(engineFrames());
    if (!built.ok) {
      throw new Error('no model');
    }
    const c = cellInfo(built.model, 0, 1);
    render(<CellTooltip cell={c} decimals={2} adjusted />);
    expect(screen.getByText('cache_miss_ratio')).toBeInTheDocument();
    expect(screen.getByText('model_drift')).toBeInTheDocument();
    expect(screen.getByTestId('tooltip-r')).toHaveTextContent(c.r!.toFixed(2));
    for (const label of ['95% CI', 'p', 'q (FDR)', 'n', 'effective n', 'best lag', 'r at best lag']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
    expect(screen.getByTestId('tooltip-best-lag')).toHaveTextContent('3m');
    expect(screen.getByTestId('infradrift-tooltip-lead').textContent).toMatch(
      /^cache_miss_ratio leads model_drift by 3m \(r = 0\.\d\d at that lag, q [<=] [\d.]+\)\.$/
    );
  });

  it('says "no clear lead" for a best lag whose q is above alpha, and asks to widen the range for an edge peak', () => {
    const built = buildMatrixModel(engineFrames());
    if (!built.ok) {
      throw new Error('no model');
    }
    const m = built.model;
    const k = 0 * m.size + 1;
    m.qBestLag[k] = 0.5;
    const { unmount } = render(<CellTooltip cell={cellInfo(m, 0, 1)} decimals={2} adjusted />);
    expect(screen.getByTestId('tooltip-best-lag')).toHaveTextContent('3m');
    expect(screen.getByTestId('infradrift-tooltip-lead').textContent).toMatch(
      /^No clear lead between cache_miss_ratio and model_drift \(strongest lag: r = 0\.\d\d, q = 0\.50\)\.$/
    );
    unmount();
    m.qBestLag[k] = 0.0001;
    m.atEdge[k] = 1;
    render(<CellTooltip cell={cellInfo(m, 0, 1)} decimals={2} adjusted />);
    // The fixture searched ±6 steps of 60 s.
    expect(screen.getByTestId('infradrift-tooltip-lead').textContent).toMatch(
      /^Peak at the edge of ±6m: widen the lag range before reading a lead between cache_miss_ratio and model_drift/
    );
  });

  it('moves the active cell with arrow keys and opens the drill-down with Enter; Escape closes it', async () => {
    render(<MatrixPanel {...props(engineFrames({ aligned: true }), { clusterOrder: false })} />);
    const grid = screen.getByTestId('infradrift-matrix-grid');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(screen.getByTestId('infradrift-matrix-tooltip')).toHaveTextContent('cache_miss_ratio');
    expect(screen.getByTestId('infradrift-matrix-tooltip')).toHaveTextContent('model_drift');
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(await screen.findByTestId('infradrift-drilldown')).toBeInTheDocument();
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('infradrift-drilldown')).not.toBeInTheDocument());
  });
});

describe('drill-down', () => {
  const range = {
    from: dateTime(T0),
    to: dateTime(T0 + 240 * STEP),
    raw: { from: dateTime(T0), to: dateTime(T0 + 240 * STEP) },
  };
  function cell(frames = engineFrames({ aligned: true })) {
    const built = buildMatrixModel(frames);
    if (!built.ok) {
      throw new Error('no model');
    }
    return { c: cellInfo(built.model, 0, 1), signals: built.model.signals, frames };
  }

  it('shows the sentence, numbers, both series, scatter, lag curve and Explore links', () => {
    const { c, signals, frames } = cell();
    render(
      <DrillDown
        cell={c}
        signals={signals}
        frames={frames}
        timeRange={range}
        method="pearson"
        controls={[]}
        stepMs={60_000}
        maxLag={6}
        decimals={2}
        onClose={jest.fn()}
      />
    );
    expect(screen.getByTestId('infradrift-drilldown-sentence').textContent).toMatch(
      /^cache_miss_ratio and model_drift: r = 0\.\d\d \(CI 0\.\d\d–0\.\d\d\), q [<=] [\d.]+, n_eff \d+\. cache_miss_ratio leads model_drift by 3m \(r = 0\.\d\d at that lag, q [<=] [\d.]+\)\.$/
    );
    expect(screen.getByTestId('infradrift-drilldown-overlay')).toBeInTheDocument();
    expect(screen.getByTestId('infradrift-drilldown-scatter')).toBeInTheDocument();
    expect(screen.getByTestId('infradrift-fit-line')).toBeInTheDocument();
    expect(screen.getByTestId('infradrift-drilldown-lag')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /Explore cache_miss_ratio/ });
    expect(link.getAttribute('href')).toContain('/explore?');
    expect(decodeURIComponent(link.getAttribute('href')!)).toContain('metric_cache_miss_ratio');
  });

  it('says the series are not in the query result when the data source sent none', () => {
    const { c, signals, frames } = cell(engineFrames({ aligned: false }));
    render(
      <DrillDown
        cell={c}
        signals={signals}
        frames={frames}
        timeRange={range}
        method="pearson"
        controls={[]}
        stepMs={60_000}
        maxLag={6}
        decimals={2}
        onClose={jest.fn()}
      />
    );
    expect(screen.getByText('The series are not in the query result')).toBeInTheDocument();
    expect(screen.getByText(/Enable 'aligned series'/)).toBeInTheDocument();
    // The lag curve still comes from the lag frames.
    expect(screen.getByTestId('infradrift-drilldown-lag')).toBeInTheDocument();
  });

  it('computes a missing lag curve from the series in the worker', async () => {
    const frames = engineFrames({ aligned: true, lags: false });
    const { c, signals } = cell(frames);
    render(
      <DrillDown
        cell={c}
        signals={signals}
        frames={frames}
        timeRange={range}
        method="pearson"
        controls={[]}
        stepMs={60_000}
        maxLag={6}
        decimals={2}
        onClose={jest.fn()}
      />
    );
    expect(screen.getByText('Computing the lag curve…')).toBeInTheDocument();
    expect(await screen.findByTestId('infradrift-drilldown-lag')).toBeInTheDocument();
    expect((run.mock.calls[0][0] as AnalyzeRequest).lags).toMatchObject({ maxLag: 6, pairs: [['A', 'B']] });
  });

  it('renders a hostile series name as text', () => {
    const { c, signals, frames } = cell();
    const evil = '<img src=x onerror=alert(1)>';
    render(
      <DrillDown
        cell={{ ...c, a: evil }}
        signals={signals}
        frames={frames}
        timeRange={range}
        method="pearson"
        controls={[]}
        stepMs={60_000}
        maxLag={6}
        decimals={2}
        onClose={jest.fn()}
      />
    );
    expect(screen.getAllByText(new RegExp(evil.replace(/[()]/g, '\\$&'))).length).toBeGreaterThan(0);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
