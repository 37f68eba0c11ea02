/**
 * What an entry point's mapping returns, and the step the panel menu and Explore share: a signal set
 * and a window → the incident page's state.
 */
import { emptyIncidentState, IncidentState } from '../app/incident/incidentUrl';
import { SignalSet, SkippedQuery } from './querySignals';
import { WindowMs } from './timeWindow';

export interface EntryTarget {
  state: IncidentState;
  /** Queries the link leaves out, with reasons (shown in the link's description). */
  skipped: SkippedQuery[];
}

/**
 * InfraDrift queries win: their panel names its signal set itself, so Prometheus queries beside them are
 * not added. Otherwise the Prometheus expressions are the signal set; with neither there is nothing to explain.
 */
export function stateFromSignals(
  signals: SignalSet,
  window: WindowMs | undefined,
  panel?: { dashboard?: string; id?: number; vars?: Record<string, string[]> }
): EntryTarget | undefined {
  const base = { ...emptyIncidentState(), ...window };
  if (signals.infradrift !== undefined) {
    const hasDashboard = Boolean(panel?.dashboard);
    return {
      state: {
        ...base,
        ds: signals.infradrift,
        dashboard: hasDashboard ? panel?.dashboard : undefined,
        panel: hasDashboard ? panel?.id : undefined,
        // The reused panel's `$variables` take the values the dashboard shows now, not its saved ones.
        vars: hasDashboard ? (panel?.vars ?? {}) : {},
      },
      skipped: signals.skipped,
    };
  }
  if (signals.exprs.length > 0) {
    return { state: { ...base, source: signals.source, exprs: signals.exprs }, skipped: signals.skipped };
  }
  return undefined;
}
