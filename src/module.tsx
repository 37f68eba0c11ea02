import React, { lazy, Suspense } from 'react';
import { AppPlugin, AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';

/** The routed app loads on the first visit to one of its pages, not with every dashboard. */
const LazyApp = lazy(() => import('./app').then((app) => app.loadApp()));

function App(props: AppRootProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="" />}>
      <LazyApp {...props} />
    </Suspense>
  );
}

/** The InfraDrift app: enables the nested data source and panels and serves the app's pages. */
export const plugin = new AppPlugin<{}>().setRootPage(App);
