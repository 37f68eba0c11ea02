import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { createDataFrame, FieldType, PanelData, PanelProps } from '@grafana/data';
import { analyze, type AnalyzeRequest } from '../../stats';
import { parseIncidentSearch } from '../../app/incident/incidentUrl';
import { FrameKind, VerdictField, type VerdictMeta } from '../../shared/frameContract';
import { engineFrames, panelProps } from '../testing/fixtures';
import { installPanelTestEnv } from '../testing/setup';
import { MatrixPanel } from './MatrixPanel';
import { defaultMatrixOptions, MatrixOptions } from './types';

const run = jest.fn((request: AnalyzeRequest) =>
  Promise.resolve({ result: analyze(request), mode: 'worker' as const })
);
jest.mock('../../worker', () => ({
  AnalysisCancelled: class AnalysisCancelled extends Error {},
  getAnalysisClient: () => ({ run }),
}));

installPanelTestEnv();

const HOSTILE = '<img src=x onerror="window.pwned=1"> pod';
const FROM = Date.UTC(2026, 0, 10, 8);
const TO = Date.UTC(2026, 0, 10, 9);

/** A verdict frame written by hand from docs/frames.md, not by the data source's writer. */
function verdictFrame(rows: Array<[string, string, string, string[]]>) {
  const meta: VerdictMeta = {
    kind: FrameKind.Verdict,
    version: 1,
    incident: { from: FROM, to: TO },
    baseline: { kind: 'preceding', factor: 3 },
    alpha: 0.05,
    caution: 'Correlation alone does not show causation.',
    datasourceUid: 'infradrift-uid',
  };
  return createDataFrame({
    refId: 'A',
    name: 'Verdict',
    meta: { custom: meta },
    fields: [
      { name: VerdictField.Target, type: FieldType.string, values: rows.map((r) => r[0]) },
      { name: VerdictField.TargetName, type: FieldType.string, values: rows.map((r) => r[0]) },
      { name: VerdictField.Kind, type: FieldType.string, values: rows.map((r) => r[1]) },
      { name: VerdictField.Sentence, type: FieldType.string, values: rows.map((r) => r[2]) },
      { name: VerdictField.Named, type: FieldType.other, values: rows.map((r) => r[3]) },
      { name: VerdictField.Evidence, type: FieldType.other, values: rows.map(() => []) },
    ],
  });
}

const ROWS: Array<[string, string, string, string[]]> = [
  ['conversion rate', 'infrastructure', `${HOSTILE} leads conversion rate by 2m`, [HOSTILE]],
  ['accuracy', 'data drift', 'accuracy changed and no infrastructure signal moves with it', []],
  ['session drift', 'no change', 'session drift did not change', []],
];

function props(options: Partial<MatrixOptions>, rows = ROWS): PanelProps<MatrixOptions> {
  const p = panelProps(12, [...engineFrames({ aligned: true }), verdictFrame(rows)], {
    ...defaultMatrixOptions,
    ...options,
  });
  return { ...p, data: { ...p.data, request: { dashboardUID: 'dash-uid' } } as PanelData };
}

describe('matrix panel verdict line', () => {
  it('shows one line per target, at most two, then how many more, with the kind as a badge and the sentence as text', async () => {
    render(<MatrixPanel {...props({ verdictLine: true })} />);
    await screen.findByTestId('infradrift-matrix-grid');
    const lines = screen.getAllByTestId('infradrift-verdict');
    expect(lines).toHaveLength(2);
    expect(within(lines[0]).getByText('infrastructure')).toBeInTheDocument();
    expect(within(lines[1]).getByText('data drift')).toBeInTheDocument();
    expect(within(lines[1]).getByText(ROWS[1][2])).toBeInTheDocument();
    expect(screen.getByText(/^\+1 more/)).toBeInTheDocument();
    expect(screen.queryByText(ROWS[2][2])).not.toBeInTheDocument();
    // The caution once, for the whole line.
    expect(screen.getByTestId('infradrift-verdict-line')).toHaveAttribute(
      'title',
      'Correlation alone does not show causation.'
    );
  });

  it('puts an answer before "no change" when only two lines fit', async () => {
    render(<MatrixPanel {...props({ verdictLine: true }, [ROWS[2], ROWS[1], ROWS[0]])} />);
    await screen.findByTestId('infradrift-matrix-grid');
    const kinds = screen.getAllByTestId('infradrift-verdict').map((l) => within(l).getAllByText(/./)[0].textContent);
    expect(kinds).toEqual(['infrastructure', 'data drift']);
  });

  it('keeps a hostile label as text', async () => {
    const { container } = render(<MatrixPanel {...props({ verdictLine: true })} />);
    await screen.findByTestId('infradrift-matrix-grid');
    expect(screen.getByText(ROWS[0][2])).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('links to the incident page with the panel’s window, baseline, data source, dashboard and panel', async () => {
    render(<MatrixPanel {...props({ verdictLine: true })} />);
    const link = await screen.findByTestId('infradrift-verdict-open');
    expect(link).toHaveTextContent('Open incident');
    const href = link.getAttribute('href')!;
    expect(href.split('?')[0]).toBe('/a/infradrift-correlation-app/incidents');
    expect(parseIncidentSearch(href.split('?')[1])).toMatchObject({
      from: String(FROM),
      to: String(TO),
      baseline: { kind: 'preceding', factor: 3 },
      ds: 'infradrift-uid',
      dashboard: 'dash-uid',
      panel: 12,
    });
  });

  it('shows nothing with the option off (the default), and no "more" with two targets or fewer', async () => {
    const { unmount } = render(<MatrixPanel {...props({})} />);
    await screen.findByTestId('infradrift-matrix-grid');
    expect(screen.queryByTestId('infradrift-verdict-line')).not.toBeInTheDocument();
    unmount();
    render(<MatrixPanel {...props({ verdictLine: true }, ROWS.slice(1, 2))} />);
    await screen.findByTestId('infradrift-matrix-grid');
    expect(screen.getAllByTestId('infradrift-verdict')).toHaveLength(1);
    expect(screen.queryByText(/more/)).not.toBeInTheDocument();
  });
});
