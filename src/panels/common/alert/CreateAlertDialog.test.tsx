import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { dateTime } from '@grafana/data';
import { setPluginComponentHook } from '@grafana/runtime';
import { buildMatrixModel, cellInfo } from '../../matrix/model/matrixModel';
import { DrillDown } from '../../matrix/DrillDown';
import { engineFrames, STEP, T0 } from '../../testing/fixtures';
import { installPanelTestEnv } from '../../testing/setup';
import type { CreateAlertFromPanelProps } from './useCreateAlertForm';

// The drill-down's lag curve comes from the lag frames here; the worker is never started.
jest.mock('../../../worker', () => ({
  AnalysisCancelled: class AnalysisCancelled extends Error {},
  getAnalysisClient: () => ({ run: jest.fn() }),
}));

installPanelTestEnv();

const range = {
  from: dateTime(T0),
  to: dateTime(T0 + 240 * STEP),
  raw: { from: dateTime(T0), to: dateTime(T0 + 240 * STEP) },
};

function drillDown(opts: { provenance: boolean; method?: 'pearson' | 'spearman' }) {
  const frames = engineFrames({ aligned: true, provenance: opts.provenance });
  const built = buildMatrixModel(frames);
  if (!built.ok) {
    throw new Error('no model');
  }
  const c = cellInfo(built.model, 0, 1);
  render(
    <DrillDown
      cell={c}
      signals={built.model.signals}
      frames={frames}
      timeRange={range}
      method={opts.method ?? 'pearson'}
      controls={[]}
      stepMs={STEP}
      maxLag={6}
      decimals={2}
      onClose={jest.fn()}
    />
  );
  fireEvent.click(screen.getByTestId('infradrift-create-alert-button'));
}

describe('Create alert from the drill-down', () => {
  // As the sandbox: a host whose extension registry exposes nothing.
  beforeEach(() => setPluginComponentHook(() => ({ component: undefined, isLoading: false })));
  afterEach(() => setPluginComponentHook(() => ({ component: undefined, isLoading: false })));

  it("without Grafana's form: the PromQL, both files and the threshold, the significant lead", () => {
    drillDown({ provenance: true });
    expect(screen.getByTestId('infradrift-alert-summary').textContent).toMatch(
      /^Fires when Pearson r of cache_miss_ratio and model_drift over the last 4h \(cache_miss_ratio leads model_drift by 3m \(r = 0\.\d\d at that lag, q [<=] [\d.]+\)\) stays at \|r\| >= 0\.7 for 5m\.$/
    );
    expect(screen.getByTestId('infradrift-alert-promql').textContent).toContain('metric_cache_miss_ratio');
    expect(screen.getByTestId('infradrift-alert-prometheus').textContent).toMatch(/^groups:/);
    expect(screen.getByTestId('infradrift-alert-grafana').textContent).toMatch(/^apiVersion: 1/);
    expect(screen.getByTestId('infradrift-alert-files-hint')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('infradrift-alert-threshold'), { target: { value: '0.9' } });
    expect(screen.getByTestId('infradrift-alert-summary').textContent).toContain('|r| >= 0.9');
    expect(screen.getByTestId('infradrift-alert-prometheus').textContent).toContain('>= 0.9');
  });

  it('says why a pair without provenance cannot become a rule', () => {
    drillDown({ provenance: false });
    expect(screen.getByTestId('infradrift-alert-refused').textContent).toMatch(/cache_miss_ratio has no provenance/);
  });

  it('Spearman: not expressible in PromQL, and Pearson on the same pair is one click', () => {
    drillDown({ provenance: true, method: 'spearman' });
    expect(screen.getByTestId('infradrift-alert-refused').textContent).toMatch(
      /Spearman correlation is not expressible in PromQL/
    );
    fireEvent.click(screen.getByRole('button', { name: /Use Pearson on the same pair/ }));
    expect(screen.getByTestId('infradrift-alert-promql').textContent).toContain('stddev_over_time');
    expect(screen.getByText(/The matrix uses spearman; this rule computes Pearson r/)).toBeInTheDocument();
  });

  it("in Grafana 12.3+: hands a Prometheus panel with the generated PromQL to Grafana's alert form", () => {
    const seen: CreateAlertFromPanelProps[] = [];
    const Form = (props: CreateAlertFromPanelProps) => {
      seen.push(props);
      return <div data-testid="grafana-alert-form" />;
    };
    setPluginComponentHook((id: string) => ({
      component: id === 'grafana/alerting/create-alert-from-panel/v1' ? (Form as never) : undefined,
      isLoading: false,
    }));
    drillDown({ provenance: true });
    fireEvent.click(screen.getByTestId('infradrift-alert-open-grafana-form'));
    expect(screen.getByTestId('grafana-alert-form')).toBeInTheDocument();
    const { panel, range: r } = seen[seen.length - 1];
    expect(panel.targets[0]).toMatchObject({ datasource: { uid: 'prom', type: 'prometheus' }, range: true });
    expect(panel.targets[0].expr).toContain('metric_model_drift');
    expect(r?.from.valueOf()).toBe(T0);
  });
});
