import pluginJson from '../plugin.json';

/** Where Grafana serves the app's pages: `/a/<app id>` (plugin.json `includes` lists them). */
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/**
 * Paths of the app's pages, relative to PLUGIN_BASE_URL. Only pages that exist get a route in
 * `App.tsx` and an entry in plugin.json; the others are reserved here so links can be written now.
 */
export const ROUTES = {
  Overview: '',
  /** Incident analysis (verdict, what changed, correlation change). */
  Incidents: 'incidents',
  /** Alert rules from thresholds. */
  Alerts: 'alerts',
} as const;

export type AppRoute = (typeof ROUTES)[keyof typeof ROUTES];

/** The full URL path of a page, e.g. `/a/infradrift-correlation-app/incidents`. */
export function prefixRoute(route: AppRoute): string {
  return route ? `${PLUGIN_BASE_URL}/${route}` : PLUGIN_BASE_URL;
}
