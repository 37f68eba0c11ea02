/**
 * The app's routed pages, hosted the way Grafana hosts them: the host owns one router bound to
 * `locationService`'s history, and renders the app's root page for every path under
 * `/a/<app id>/`; the page's `PluginPage` is the host's (see shared.ts).
 */
import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { AppPlugin, AppPluginMeta, GrafanaTheme2 } from '@grafana/data';
import { locationService, PluginPageProps } from '@grafana/runtime';
import { Stack, useStyles2 } from '@grafana/ui';
import { MemoryRouter, Route, Router, Routes, useLocation } from 'react-router-dom-v5-compat';

/** How Grafana addresses an app's pages: `/a/<app id>` and anything below it. */
export function appBaseUrl(appId: string) {
  return `/a/${appId}`;
}

/** The v6 router Grafana gives plugins, driven by the same history as `locationService`. */
function HostRouter({ children }: { children: React.ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useEffect(() => history.listen((next: typeof location) => setLocation(next)), [history]);
  return (
    <Router location={location} navigator={history} future={{ v7_relativeSplatPath: true }}>
      {children}
    </Router>
  );
}

/** The page's title as Grafana's nav gives it: the `includes` page of plugin.json at this URL, else the app's name. */
function pageTitle(meta: AppPluginMeta, pathname: string): string {
  const here = pathname.replace(/\/+$/, '');
  const includes =
    (meta as AppPluginMeta & { includes?: Array<{ type: string; name: string; path?: string }> }).includes ?? [];
  const page = includes.find(
    (i) => i.type === 'page' && i.path?.replace('%PLUGIN_ID%', meta.id).replace(/\/+$/, '') === here
  );
  return page?.name ?? meta.name;
}

let appMeta: AppPluginMeta | undefined;

/** The app whose pages `SandboxPluginPage` titles (Grafana knows it from the nav tree). */
export function setAppMeta(meta: AppPluginMeta) {
  appMeta = meta;
}

/** Stand-in for Grafana's `PluginPage`: breadcrumb, title, subtitle and actions over the page's content. */
export function SandboxPluginPage({ children, pageNav, subTitle, actions }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const { pathname } = useLocation();
  const appName = appMeta?.name ?? 'App';
  const title = pageNav?.text ?? (appMeta ? pageTitle(appMeta, pathname) : appName);
  return (
    <main className={styles.page} data-testid="sandbox-plugin-page">
      <nav className={styles.breadcrumb} aria-label="Breadcrumbs">
        Home › Apps › {appName}
        {title !== appName ? ` › ${title}` : ''}
      </nav>
      <Stack justifyContent="space-between" alignItems="flex-start">
        <div>
          <h1 className={styles.title}>{title}</h1>
          {subTitle && <div className={styles.subTitle}>{subTitle}</div>}
        </div>
        {actions}
      </Stack>
      <div className={styles.content}>{children}</div>
    </main>
  );
}

/** The app's root page for every path under its base URL, as Grafana's app route does. */
function AppRoutes({ plugin, meta }: { plugin: AppPlugin; meta: AppPluginMeta }) {
  const Root = plugin.root;
  if (!Root) {
    throw new Error('the app plugin has no root page');
  }
  const base = appBaseUrl(meta.id);
  return (
    <Routes>
      <Route
        path={`${base}/*`}
        element={<Root meta={meta} basename={base} query={{}} path={base} onNavChanged={() => undefined} />}
      />
    </Routes>
  );
}

/** The app at the page's own URL (under its base URL), following navigation within it. */
export function AppPage(props: { plugin: AppPlugin; meta: AppPluginMeta }) {
  return (
    <HostRouter>
      <AppRoutes {...props} />
    </HostRouter>
  );
}

/** The app at one fixed path, whatever the page's URL (the gallery shows it among the panels). */
export function AppAtPath({ path, ...props }: { plugin: AppPlugin; meta: AppPluginMeta; path: string }) {
  return (
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <AppRoutes {...props} />
    </MemoryRouter>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2, 3) }),
  breadcrumb: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    marginBottom: theme.spacing(2),
  }),
  title: css({ margin: 0, fontSize: theme.typography.h2.fontSize }),
  subTitle: css({ color: theme.colors.text.secondary, marginTop: theme.spacing(1) }),
  content: css({ marginTop: theme.spacing(3) }),
});
