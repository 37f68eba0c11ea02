import { useEffect, useState } from 'react';
import { AnalysisCancelled } from '../../../worker';
import { formatIncidentSearch, type IncidentState } from '../../incident/incidentUrl';
import type { IncidentRunner, IncidentRunResult } from '../../incident/runIncident';

export type IncidentOutcome =
  { status: 'loading'; fraction: number; stage: string } | { status: 'failed'; message: string } | IncidentRunResult;

interface Keyed {
  key: string;
  outcome: IncidentOutcome;
}

const LOADING: IncidentOutcome = { status: 'loading', fraction: 0, stage: 'starting' };

/**
 * Runs the analysis for a page state. Results are keyed by the state they answer (its query string):
 * when the URL changes, the previous run is aborted (its queries and its worker job) and its late
 * answer, if any, is never shown.
 */
export function useIncidentAnalysis(state: IncidentState, runner: IncidentRunner): IncidentOutcome {
  const key = formatIncidentSearch(state);
  const [current, setCurrent] = useState<Keyed>({ key, outcome: LOADING });

  useEffect(() => {
    const abort = new AbortController();
    const set = (outcome: IncidentOutcome) => {
      if (!abort.signal.aborted) {
        setCurrent({ key, outcome });
      }
    };
    set(LOADING);
    runner(state, {
      signal: abort.signal,
      now: Date.now(),
      onProgress: (fraction, stage) => set({ status: 'loading', fraction, stage }),
    })
      .then(set)
      .catch((error) => {
        if (abort.signal.aborted || error instanceof AnalysisCancelled) {
          return;
        }
        set({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => abort.abort();
    // The key is the state: a new object with the same choices must not start a new run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, runner]);

  return current.key === key ? current.outcome : LOADING;
}
