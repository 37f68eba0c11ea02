/** Contexts shaped as Grafana builds them, for the entry points' tests. */
import { dateTime, LoadingState, PanelData, PluginExtensionPanelContext } from '@grafana/data';
import { DataQuery } from '@grafana/schema';
import { formatIncidentSearch, IncidentState, parseIncidentSearch } from '../app/incident/incidentUrl';

export const FROM = 1_736_700_000_000;
export const TO = FROM + 3_600_000;
export const PROM = { type: 'prometheus', uid: 'prom-main' };
export const INFRADRIFT = { type: 'infradrift-correlation-datasource', uid: 'infradrift' };

export function ranData(targets: DataQuery[], range = { from: FROM, to: TO }): PanelData {
  const timeRange = { from: dateTime(range.from), to: dateTime(range.to), raw: { from: 'now-1h', to: 'now' } };
  return {
    state: LoadingState.Done,
    series: [],
    timeRange,
    request: { targets } as PanelData['request'],
  };
}

export function panelContext(
  targets: DataQuery[],
  extra: Partial<PluginExtensionPanelContext> = {}
): PluginExtensionPanelContext {
  return {
    pluginId: 'timeseries',
    id: 7,
    title: 'Latency',
    timeRange: { from: dateTime(FROM), to: dateTime(TO) },
    timeZone: 'utc',
    dashboard: { uid: 'ml-service', title: 'ML service', tags: [] },
    targets,
    ...extra,
  };
}

/** Label text a page must show as text: markup, URL syntax, quotes, a comment and a percent escape. */
export const HOSTILE_EXPR =
  'sum(rate(x{job="<img src=x onerror=steal(document.cookie)>",path=~"/a&b=c?d#e%20+f"}[5m])) or vector(1) # \'"`';

/** A state written into the page's URL and read back, as the page will read it. */
export function roundTrip(state: IncidentState): IncidentState {
  const { baselineOk, ...back } = parseIncidentSearch(formatIncidentSearch(state));
  return baselineOk ? back : { ...back, alert: 'baseline unreadable' };
}
