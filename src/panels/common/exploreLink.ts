/** "Open in Explore" links for a signal, built with Grafana's URL helpers and sanitized. */
import { locationUtil, textUtil, urlUtil } from '@grafana/data';
import type { SignalInfo } from '../../shared/frameContract';

export interface TimeWindow {
  from: number;
  to: number;
}

/** A sanitized Explore URL for the signal's query, or undefined when the signal has no query to open. */
export function exploreUrl(
  signal: Pick<SignalInfo, 'expr' | 'datasourceUid'> | undefined,
  range: TimeWindow
): string | undefined {
  if (!signal?.expr || !signal.datasourceUid) {
    return undefined;
  }
  const pane = {
    datasource: signal.datasourceUid,
    queries: [{ refId: 'A', expr: signal.expr, datasource: { uid: signal.datasourceUid } }],
    range: { from: String(range.from), to: String(range.to) },
  };
  const url = urlUtil.renderUrl('/explore', { schemaVersion: 1, panes: JSON.stringify({ infradrift: pane }) });
  return textUtil.sanitizeUrl(locationUtil.assureBaseUrl(url));
}
