import React from 'react';
import { render, screen } from '@testing-library/react';
import { LoadingState } from '@grafana/data';
import { LagPanel } from '../lag/LagPanel';
import { defaultLagOptions } from '../lag/types';
import { MatrixPanel } from '../matrix/MatrixPanel';
import { defaultMatrixOptions } from '../matrix/types';
import { panelProps } from '../testing/fixtures';
import { installPanelTestEnv } from '../testing/setup';

jest.mock('../../worker', () => ({
  AnalysisCancelled: class extends Error {},
  getAnalysisClient: () => ({ run: jest.fn() }),
}));

installPanelTestEnv();

/** A query that failed as Grafana reports it: state Error, the error in both `error` and `errors`, no frames. */
function failed<T>(options: T) {
  const props = panelProps(3, [], options);
  const error = { message: 'InfraDrift: nothing to analyse: signal A (cpu) did not answer within 60 s' };
  return { ...props, data: { ...props.data, state: LoadingState.Error, error, errors: [error] } };
}

it.each([
  ['matrix', () => <MatrixPanel {...failed(defaultMatrixOptions)} />],
  ['lag', () => <LagPanel {...failed(defaultLagOptions)} />],
])('failed query shows its error, not the "No data" hint (%s panel)', (_name, panel) => {
  render(panel());
  expect(screen.getByRole('alert')).toHaveTextContent('The query failed');
  expect(screen.getAllByText('InfraDrift: nothing to analyse: signal A (cpu) did not answer within 60 s')).toHaveLength(
    1
  );
  expect(screen.queryByText('No data')).toBeNull();
});
