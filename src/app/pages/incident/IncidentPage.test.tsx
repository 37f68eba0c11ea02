import React, { useEffect, useState } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { locationService, setPluginComponentHook } from '@grafana/runtime';
import { Router } from 'react-router-dom-v5-compat';
import { installPanelTestEnv } from '../../../panels/testing/setup';
import type { PreparedIncident } from '../../incident/incidentRequest';
import type { IncidentRunner, IncidentRunResult } from '../../incident/runIncident';
import { BASELINE, handBuiltCompare, handBuiltResult, INCIDENT, STEP } from '../../incident/testing/handBuiltCompare';
import { IncidentPage } from './IncidentPage';
import { IncidentBody } from './IncidentResult';

// The page's own runner is replaced in every test: the worker is never started.
jest.mock('../../../worker', () => ({
  AnalysisCancelled: class AnalysisCancelled extends Error {},
  getAnalysisClient: () => ({ run: jest.fn() }),
}));

installPanelTestEnv();
beforeEach(() => setPluginComponentHook(() => ({ component: undefined, isLoading: false })));

function prepared(): PreparedIncident {
  return {
    request: { version: 1, series: [], grid: { start: BASELINE.from, end: INCIDENT.to, stepMs: STEP } },
    signals: [
      { name: 'accuracy', role: 'model', signal: 'A', labels: {}, expr: 'recsys_accuracy', datasourceUid: 'prom' },
      { name: 'cache_miss', role: 'infra', signal: 'B', labels: {}, expr: 'cache_miss_ratio', datasourceUid: 'prom' },
    ],
    notices: [],
    set: {
      ds: { uid: 'infra', name: 'InfraDrift' },
      settings: {},
      query: { refId: 'A', signals: [], analysis: {} as never },
      origin: 'InfraDrift’s default signals',
    },
    windows: {
      incident: INCIDENT,
      baselineRange: BASELINE,
      baseline: { kind: 'preceding', factor: 4 },
      fetch: [{ from: BASELINE.from, to: INCIDENT.to }],
      intervalMs: STEP,
    },
    series: [
      { id: 'accuracy', name: 'accuracy' },
      { id: 'cache_miss', name: 'cache miss ratio' },
    ],
  };
}

function done(compare = handBuiltCompare()): IncidentRunResult {
  return { kind: 'done', prepared: prepared(), run: { result: handBuiltResult(compare), mode: 'worker' } };
}

describe('the incident page’s view of a compare result', () => {
  it('shows the verdict first, the checklist in triage order, what changed, the matrices, the lead and the actions', () => {
    render(<IncidentBody outcome={done()} />);
    const verdict = screen.getByTestId('infradrift-verdict');
    expect(within(verdict).getByText('infrastructure')).toBeInTheDocument();
    expect(
      within(verdict).getByText('accuracy moves with cache miss ratio, which leads it by 2m.')
    ).toBeInTheDocument();
    expect(
      within(verdict).getByText('cache miss ratio: r 0.82 (q 0.001) in the incident, 0.05 before')
    ).toBeInTheDocument();
    expect(screen.getAllByText('Correlation is not causation: check the named signals before acting.')).toHaveLength(1);

    const groups = within(screen.getByTestId('infradrift-incident-checklist'))
      .getAllByRole('region')
      .map((r) => r.getAttribute('aria-label'));
    expect(groups).toEqual([
      'Data inputs (feature drift)',
      'Predictions (score drift, accuracy, conversion)',
      'Dependencies (errors, timeouts, latency)',
      'Resources (CPU, memory, GPU, cache)',
      'Other signals',
    ]);
    const rows = screen.getAllByTestId('infradrift-checklist-row');
    expect(
      rows.map((r) => [r.textContent?.startsWith(r.getAttribute('data-status')!), r.getAttribute('data-status')])
    ).toEqual([
      [true, 'fail'],
      [true, 'fail'],
      [true, 'pass'],
    ]);

    const changed = screen.getAllByTestId('infradrift-change-row');
    expect(changed.map((r) => (r as HTMLTableRowElement).cells[0].textContent)).toEqual([
      'cache miss ratio · changed',
      'accuracy · changed',
      'request rate',
    ]);
    expect((changed[0] as HTMLTableRowElement).cells[1]).toHaveTextContent('q 0.001');
    expect(
      within(changed[0]).getByRole('img', { name: 'cache miss ratio: baseline and incident' })
    ).toBeInTheDocument();

    for (const kind of ['baseline', 'incident', 'delta']) {
      expect(screen.getByTestId(`infradrift-incident-matrix-${kind}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId('infradrift-incident-lead-text')).toHaveTextContent(
      'cache miss ratio leads accuracy by 2m (r = 0.85).'
    );
    expect(screen.getByTestId('infradrift-incident-lag-chart')).toBeInTheDocument();

    const actions = screen.getByTestId('infradrift-incident-actions');
    expect(within(actions).getByRole('button', { name: /Create alert/ })).toBeInTheDocument();
    expect(
      within(actions)
        .getByRole('link', { name: /Open in Explore/ })
        .getAttribute('href')
    ).toMatch(/^\/explore\?/);
  });

  it('offers the panel JSON when Grafana has no add-to-dashboard form', () => {
    render(<IncidentBody outcome={done()} />);
    fireEvent.click(screen.getByRole('button', { name: /Add to dashboard/ }));
    const json = JSON.parse(screen.getByTestId('infradrift-incident-panel-json').textContent!);
    expect(json).toMatchObject({
      type: 'infradrift-matrix-panel',
      title: 'InfraDrift: accuracy',
      datasource: { uid: 'infra' },
    });
  });

  it('renders a hostile label as text', () => {
    const compare = handBuiltCompare();
    compare.signals[0] = { ...compare.signals[0], name: '<img src=x onerror=alert(1)>' };
    const { container } = render(<IncidentBody outcome={done(compare)} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(/<img src=x onerror=alert\(1\)>/).length).toBeGreaterThan(0);
  });

  it('says how much baseline an inconclusive verdict needs', () => {
    const compare = handBuiltCompare({
      verdicts: [
        {
          target: 'accuracy',
          targetName: 'accuracy',
          kind: 'inconclusive',
          named: [],
          sentence: 'Too few effective points.',
          evidence: [],
          neededMs: 40 * 60_000,
        },
      ],
    });
    render(<IncidentBody outcome={done(compare)} />);
    expect(screen.getByTestId('infradrift-verdict-needed')).toHaveTextContent(
      'inconclusive: need at least 40 minutes of baseline'
    );
  });

  it('shows progress, an empty window, a failed data source and a missing target as states', () => {
    const { rerender } = render(<IncidentBody outcome={{ status: 'loading', fraction: 0.4, stage: 'compare' }} />);
    expect(screen.getByTestId('infradrift-incident-loading')).toHaveTextContent('Analysing (compare, 40 %)');
    rerender(
      <IncidentBody
        outcome={{
          kind: 'problem',
          problem: { stage: 'empty', message: 'nothing to analyse: no signal returned data' },
        }}
      />
    );
    expect(screen.getByText('No data in this window')).toBeInTheDocument();
    rerender(
      <IncidentBody
        outcome={{
          kind: 'problem',
          problem: { stage: 'data', message: 'signal A: Prometheus answered 502 Bad Gateway' },
        }}
      />
    );
    expect(screen.getByText('The data could not be fetched')).toBeInTheDocument();
    expect(screen.getByText('signal A: Prometheus answered 502 Bad Gateway')).toBeInTheDocument();
    rerender(<IncidentBody outcome={{ kind: 'problem', problem: { stage: 'targets', message: 'choose a target' } }} />);
    expect(screen.getByText('Choose what to judge')).toBeInTheDocument();
  });
});

/** The page under a router on locationService's history, as Grafana (and the sandbox) host it. */
function Hosted({ runner }: { runner: IncidentRunner }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useEffect(() => history.listen((next: typeof location) => setLocation(next)), [history]);
  return (
    <Router location={location} navigator={history}>
      <IncidentPage runner={runner} />
    </Router>
  );
}

describe('the incident page', () => {
  // jsdom has no canvas; the target picker (Grafana's MultiCombobox) measures its text with one.
  let canvas: jest.SpyInstance;
  beforeAll(() => {
    canvas = jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(() => ({ measureText: (text: string) => ({ width: text.length * 7 }) }) as never);
  });
  afterAll(() => canvas.mockRestore());

  it('cancels the running analysis when the URL changes and never shows its late answer', async () => {
    const calls: Array<{ search: string; signal: AbortSignal; resolve: (r: IncidentRunResult) => void }> = [];
    const runner: IncidentRunner = (state, { signal }) =>
      new Promise((resolve) => calls.push({ search: state.targets.join(','), signal, resolve }));
    locationService.push('/a/infradrift-correlation-app/incidents?from=1&to=2&target=first');
    render(<Hosted runner={runner} />);
    expect(screen.getByTestId('infradrift-incident-loading')).toBeInTheDocument();
    expect(calls).toHaveLength(1);

    act(() => locationService.partial({ target: 'second' }));
    expect(calls).toHaveLength(2);
    expect(calls[0].signal.aborted).toBe(true);
    // The first run answers late: the page still waits for the second.
    await act(async () => calls[0].resolve(done()));
    expect(screen.queryByTestId('infradrift-incident-result')).toBeNull();
    expect(screen.getByTestId('infradrift-incident-loading')).toBeInTheDocument();
    await act(async () =>
      calls[1].resolve({ kind: 'problem', problem: { stage: 'targets', message: 'second answer' } })
    );
    expect(screen.getByText('second answer')).toBeInTheDocument();
    expect(screen.queryByTestId('infradrift-incident-result')).toBeNull();
  });

  it('writes a baseline choice to the URL', async () => {
    const runner: IncidentRunner = () => new Promise(() => undefined);
    locationService.push('/a/infradrift-correlation-app/incidents?from=1000&to=7200000');
    render(<Hosted runner={runner} />);
    fireEvent.click(screen.getByLabelText('7 days earlier'));
    expect(locationService.getSearchObject().baseline).toBe('7d');
  });
});
