import React from 'react';
import { AppRootProps } from '@grafana/data';
import { Route, Routes } from 'react-router-dom-v5-compat';
import { IncidentPage } from './pages/incident/IncidentPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { AppRoute, ROUTES } from './routes';

/** The pages that exist, by route. Add a page here and in plugin.json `includes`. */
const PAGES: Array<{ route: AppRoute; Page: React.ComponentType }> = [
  { route: ROUTES.Overview, Page: OverviewPage },
  { route: ROUTES.Incidents, Page: IncidentPage },
];

/**
 * The app's root: Grafana renders it for every URL under `/a/<app id>/`, inside its own router, so the
 * routes here are relative to the app's base URL. Each page renders itself inside `PluginPage`.
 */
export default function App(_props: AppRootProps) {
  return (
    <Routes>
      {PAGES.map(({ route, Page }) =>
        route ? <Route key={route} path={route} element={<Page />} /> : <Route key="index" index element={<Page />} />
      )}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
