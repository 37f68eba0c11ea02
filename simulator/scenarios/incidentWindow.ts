/**
 * Where a scenario's incident is judged: its window, and the quiet time before it as the baseline, the
 * way a user zooming on it would pick them. One rule for the verdict tests (tests/support/
 * incidentScenarios.ts), the CLI's scenario CSVs and the demo's "Open incident" links, so all of them
 * judge the same windows.
 */
import type { Incident } from '../types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Longest baseline taken before an incident. */
const MAX_BASELINE_MS = 3 * HOUR;
/** Gap left between the baseline and the first incident still active at the window's start. */
const BEFORE_INCIDENT_MS = 10 * MINUTE;
/** Time left after an earlier incident ends before the baseline may start (its tail settles). */
const AFTER_INCIDENT_MS = 20 * MINUTE;
/** Time after the incident the window keeps: its effects still show (imputed features age out of the drift window). */
const AFTERMATH_MS = 15 * MINUTE;
/** How much of the incident before it a data-drift window takes in, as a hand-zoomed window does. */
const DATA_DRIFT_LEAD_IN_MS = 15 * MINUTE;

export interface IncidentWindow {
  incident: { from: number; to: number };
  baseline: { from: number; to: number };
}

/**
 * The window of `incidents[k]` (sorted by start): the incident and the 15 minutes after it (never into
 * the next incident); for data drift from 15 minutes before the previous incident ends. The baseline runs up to 10 minutes before the first incident still
 * active at the window's start, back to 20 minutes after the incident before that ended (or
 * `timelineStart`), at most 3 hours.
 */
export function incidentWindow(incidents: readonly Incident[], k: number, timelineStart = -Infinity): IncidentWindow {
  const inc = incidents[k];
  const previous = incidents[k - 1];
  const from = inc.scenario === 'data-drift' && previous ? previous.end - DATA_DRIFT_LEAD_IN_MS : inc.start;
  const firstActive = Math.min(from, ...incidents.filter((i) => i.end > from && i.start < inc.end).map((i) => i.start));
  const baselineTo = firstActive - BEFORE_INCIDENT_MS;
  const before = Math.max(
    timelineStart,
    ...incidents.filter((i) => i.end <= baselineTo).map((i) => i.end + AFTER_INCIDENT_MS)
  );
  const baselineFrom = Math.max(before, baselineTo - MAX_BASELINE_MS);
  const next = incidents[k + 1];
  const to = Math.min(inc.end + AFTERMATH_MS, next && next.start > inc.end ? next.start : Infinity);
  return { incident: { from, to }, baseline: { from: baselineFrom, to: baselineTo } };
}
