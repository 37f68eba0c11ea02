/**
 * The incident page's windows: the incident (from, to] from the URL, the baseline it is compared with,
 * and the time ranges whose data must be fetched so that the engine sees both windows.
 *
 * What is fetched, per baseline:
 *   - preceding:k  one range [from − k·W, to] (W = incident length): baseline and incident are adjacent;
 *   - 1d / 7d      two ranges of length W, one shifted back by a day or a week, one on the incident.
 *                  One range over both would be a day or a week long, and its grid step (at most
 *                  `maxPoints` points per signal) would leave the incident only a handful of points;
 *   - fixed        one range over both when they are close (the gap is no longer than the two windows
 *                  together), else two ranges.
 * Every range is fetched with the same grid step (the coarsest either range needs), and the pipeline's
 * grids start on multiples of that step, so the parts are placed on one grid by index (mergeParts.ts).
 */
import { dateMath, type TimeRange, dateTime } from '@grafana/data';
import type { CompareBaseline } from '../../stats';
import { chooseStepMs } from '../../datasource/query/timeGrid';
import type { InfraDriftOptions } from '../../datasource/types';
import type { BaselineParam, IncidentState } from './incidentUrl';

const DAY_MS = 24 * 60 * 60 * 1000;
const SHIFT_MS = { '1d': DAY_MS, '7d': 7 * DAY_MS } as const;

/** The incident window when the URL names none: the last hour, as Grafana's own default range. */
export const DEFAULT_FROM = 'now-1h';
export const DEFAULT_TO = 'now';

export interface Range {
  from: number;
  to: number;
}

export interface IncidentWindows {
  incident: Range;
  /** The baseline window in ms, as the engine will take it. */
  baselineRange: Range;
  /** What the engine is asked for. */
  baseline: CompareBaseline;
  /** The ranges to run the pipeline on, oldest first; each covers whole windows. */
  fetch: Range[];
  /** The grid step every fetched range uses (ms), so the parts line up on one grid. */
  intervalMs: number;
}

export type WindowsResult = { ok: true; windows: IncidentWindows } | { ok: false; message: string };

/** ms since epoch (digits only) or a Grafana time expression (`now-1h`, an ISO date); undefined when unreadable. */
export function parseTime(text: string, roundUp: boolean, now: number): number | undefined {
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const parsed = dateMath.toDateTime(text, { roundUp, now: dateTime(now) });
  return parsed && parsed.isValid() ? parsed.valueOf() : undefined;
}

/** The baseline window the engine derives for an incident (the rule stated in contract/compare.ts). */
export function baselineWindow(b: BaselineParam, incident: Range): Range {
  const length = incident.to - incident.from;
  switch (b.kind) {
    case 'preceding':
      return { from: incident.from - b.factor * length, to: incident.from };
    case 'shifted':
      return { from: incident.from - SHIFT_MS[b.shift], to: incident.to - SHIFT_MS[b.shift] };
    case 'fixed':
      return { from: b.from, to: b.to };
  }
}

function engineBaseline(b: BaselineParam): CompareBaseline {
  switch (b.kind) {
    case 'preceding':
      return { kind: 'preceding', factor: b.factor };
    case 'shifted':
      return { kind: 'shifted', shift: b.shift };
    case 'fixed':
      return { kind: 'fixed', from: b.from, to: b.to };
  }
}

/** One range over both windows when they are close; two when a shared range would be mostly gap. */
function fetchRanges(baseline: Range, incident: Range): Range[] {
  const first = baseline.from <= incident.from ? baseline : incident;
  const second = first === baseline ? incident : baseline;
  const gap = second.from - first.to;
  const together = baseline.to - baseline.from + (incident.to - incident.from);
  if (gap <= together) {
    return [{ from: first.from, to: Math.max(first.to, second.to) }];
  }
  return [first, second];
}

function describe(ms: number): string {
  return new Date(ms).toISOString();
}

/** Reads and checks the windows of a page state; `now` anchors relative times (`now-1h`). */
export function resolveWindows(state: IncidentState, settings: InfraDriftOptions, now: number): WindowsResult {
  const fromText = state.from ?? DEFAULT_FROM;
  const toText = state.to ?? DEFAULT_TO;
  const from = parseTime(fromText, false, now);
  const to = parseTime(toText, true, now);
  if (from === undefined || to === undefined) {
    const bad = from === undefined ? `from=${fromText}` : `to=${toText}`;
    return {
      ok: false,
      message: `The incident window cannot be read (${bad}): use milliseconds since epoch or a time such as now-1h.`,
    };
  }
  if (from >= to) {
    return {
      ok: false,
      message: `The incident window is empty: it starts at ${describe(from)}, at or after its end ${describe(to)}.`,
    };
  }
  const incident = { from, to };
  const baselineRange = baselineWindow(state.baseline, incident);
  if (baselineRange.from < incident.to && incident.from < baselineRange.to) {
    return {
      ok: false,
      message: `The fixed baseline ${describe(baselineRange.from)} – ${describe(baselineRange.to)} overlaps the incident: choose a baseline outside it.`,
    };
  }
  const fetch = fetchRanges(baselineRange, incident);
  const intervalMs = Math.max(...fetch.map((r) => chooseStepMs(r.from, r.to, undefined, settings)));
  return {
    ok: true,
    windows: { incident, baselineRange, baseline: engineBaseline(state.baseline), fetch, intervalMs },
  };
}

/** A Grafana TimeRange for a window in ms (the pipeline and the time picker speak TimeRange). */
export function toTimeRange(range: Range, raw?: { from: string; to: string }): TimeRange {
  const from = dateTime(range.from);
  const to = dateTime(range.to);
  return { from, to, raw: raw ?? { from, to } };
}
