import React, { lazy, Suspense } from 'react';
import { AppPlugin, AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { addIncidentLinks } from './extensions/register';

/** The routed app loads on the first visit to one of its pages, not with every dashboard. */
const LazyApp = lazy(() => import('./app').then((app) => app.loadApp()));

function App(props: AppRootProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="" />}>
      <LazyApp {...props} />
    </Suspense>
  );
}

/**
 * The InfraDrift app: enables the nested data source and panels, serves the app's pages, and adds the
 * incident page's entry points to panel menus, alert instances and Explore.
 */
export const plugin = addIncidentLinks(new AppPlugin<{}>().setRootPage(App));
