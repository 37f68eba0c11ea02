/**
 * The incident window a panel or Explore hands over, frozen to absolute milliseconds at the click:
 * a link opened later (a bookmark, a chat message) must show the same minutes, not "the last hour"
 * of whenever it is opened.
 */
import { dateMath, LoadingState, PanelData, RawTimeRange } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';

export interface WindowMs {
  from: string;
  to: string;
}

function valid(from: number | undefined, to: number | undefined): WindowMs | undefined {
  return from !== undefined && to !== undefined && Number.isFinite(from) && Number.isFinite(to) && from < to
    ? { from: String(Math.round(from)), to: String(Math.round(to)) }
    : undefined;
}

/**
 * The range the data on screen was queried over (`data.timeRange`: it already includes a panel's own
 * relative time or time shift, which the dashboard's raw range does not), else the raw range resolved now.
 */
export function absoluteWindow(
  raw: RawTimeRange | undefined,
  data: Pick<PanelData, 'state' | 'timeRange'> | undefined,
  timeZone?: TimeZone
): WindowMs | undefined {
  if (data?.timeRange && data.state !== LoadingState.NotStarted) {
    const shown = valid(data.timeRange.from?.valueOf(), data.timeRange.to?.valueOf());
    if (shown) {
      return shown;
    }
  }
  if (!raw) {
    return undefined;
  }
  // One "now" for both edges, so `now-1h … now` is exactly an hour long.
  const now = Date.now();
  return valid(edgeMs(raw.from, false, now, timeZone), edgeMs(raw.to, true, now, timeZone));
}

/** A raw edge: a DateTime, ms since epoch as text (Grafana's URLs), or a time expression such as `now-1h`. */
function edgeMs(edge: RawTimeRange['from'], roundUp: boolean, now: number, timeZone?: TimeZone): number | undefined {
  if (typeof edge === 'string' && /^\d+$/.test(edge)) {
    return Number(edge);
  }
  return dateMath.toDateTime(edge, { roundUp, timezone: timeZone, now })?.valueOf();
}
