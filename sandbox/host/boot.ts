/**
 * Boot data that Grafana's index.html puts on the page before its frontend starts.
 * `@grafana/runtime`'s `config` reads it when first imported, so this module must be imported first.
 */
const query = new URLSearchParams(window.location.search);
const theme = query.get('theme') === 'light' ? 'light' : 'dark';

(window as unknown as { grafanaBootData: unknown }).grafanaBootData = {
  settings: {
    appSubUrl: '',
    buildInfo: { version: '13.1.1', edition: 'Open Source', env: 'production' },
    bootData: {},
    featureToggles: {},
    theme2: { colors: { mode: theme } },
    datasources: {},
    panels: {},
    apps: {},
  },
  user: { theme, timezone: 'utc', orgId: 1, isSignedIn: true, login: 'sandbox' },
  navTree: [],
};

// Where Grafana serves its own assets (icons): its index.html sets this, so pages under /a/... find them too.
(window as unknown as { __grafana_public_path__: string }).__grafana_public_path__ = '/public/';

export const initialTheme = theme;
