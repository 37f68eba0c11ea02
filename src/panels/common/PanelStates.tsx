/** Loading / empty / too-few states of both panels, so they read the same way. */
import React from 'react';
import { PanelMessage } from '../../shared/PanelMessage';
import type { ComputedFrames } from './useComputedFrames';

interface Props {
  state: Exclude<ComputedFrames, { status: 'ready' }>;
  /** What this panel needs from the query, for the empty state. */
  emptyHint: string;
  minSeries: number;
}

export function PanelState({ state, emptyHint, minSeries }: Props) {
  switch (state.status) {
    case 'empty':
      return <PanelMessage title="No data" hint={emptyHint} />;
    case 'too-few':
      return (
        <PanelMessage
          title={
            state.count === 0
              ? 'No numeric time series in the result'
              : `Only ${state.count} series: at least ${minSeries} are needed`
          }
          hint="Add queries (or a query returning several series) so there is something to correlate, or use the InfraDrift Correlation data source."
        />
      );
    case 'running':
      return (
        <PanelMessage
          title={`Computing correlations… ${Math.round(state.progress * 100)}%`}
          hint={`Stage: ${state.stage}. The analysis runs in a background worker.`}
        />
      );
    case 'error':
      return state.query ? (
        <PanelMessage kind="error" title="The query failed" hint={state.message} />
      ) : (
        <PanelMessage
          kind="error"
          title="The analysis failed"
          hint={`${state.message}. Check the query result, or narrow the time range.`}
        />
      );
  }
}

/** True when every pair lacks a number because of too few points (short range, sparse series). */
export function tooFewPointsMessage(reasons: string[]): string | undefined {
  const counts = new Map<string, number>();
  reasons.forEach((r) => r && counts.set(r, (counts.get(r) ?? 0) + 1));
  const few =
    (counts.get('too_few_points') ?? 0) +
    (counts.get('insufficient_overlap') ?? 0) +
    (counts.get('effective_n_too_small') ?? 0);
  return few > 0
    ? 'Too few points in common: widen the time range, lower the query step, or check that the series overlap in time.'
    : undefined;
}
