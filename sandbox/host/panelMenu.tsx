/**
 * The dashboard panel menu as Grafana offers it to plugins: each panel's "⋮" menu (PanelChrome's own
 * menu button, reachable with Tab, opened with Enter, items walked with the arrow keys) lists the links
 * apps add at `grafana/dashboard/panel/menu`, each configured for that panel's context when the menu opens.
 */
import React from 'react';
import {
  AppPlugin,
  AppPluginMeta,
  DataFrame,
  dateTime,
  LoadingState,
  PanelData,
  PluginExtensionPanelContext,
  PluginExtensionPoints,
  textUtil,
} from '@grafana/data';
import type { DataQuery, DataSourceRef } from '@grafana/schema';
import { Menu } from '@grafana/ui';
import { extensionLinks } from './extensions';

export interface MenuPanel {
  id: number;
  type: string;
  title: string;
  datasource?: DataSourceRef;
  targets?: DataQuery[];
}

/**
 * The context Grafana builds for a panel's menu: the queries as saved, and the data as last run, whose
 * request carries each query's real data source (filled from the panel's, as Grafana's query runner does).
 */
export function panelMenuContext(
  dashboard: { uid: string; title: string; tags: string[] },
  panel: MenuPanel,
  range: { from: number; to: number },
  series: DataFrame[] = []
): PluginExtensionPanelContext {
  const targets = panel.targets ?? [];
  const timeRange = { from: dateTime(range.from), to: dateTime(range.to) };
  const data: PanelData = {
    state: LoadingState.Done,
    series,
    timeRange: { ...timeRange, raw: timeRange },
    request: {
      targets: targets.map((t) => ({ ...t, datasource: t.datasource ?? panel.datasource })),
    } as PanelData['request'],
  };
  return {
    pluginId: panel.type,
    id: panel.id,
    title: panel.title,
    timeRange,
    timeZone: 'browser',
    dashboard,
    targets,
    data,
  };
}

/**
 * Where a link's path leads in the sandbox: the same path (the server serves `/a/<app id>/...`), keeping
 * the sandbox's own theme choice, which the app's URL state ignores.
 */
function sandboxHref(path: string): string {
  const theme = new URLSearchParams(window.location.search).get('theme');
  const url = new URL(textUtil.sanitizeUrl(path), window.location.origin);
  if (theme) {
    url.searchParams.set('theme', theme);
  }
  return `${url.pathname}${url.search}`;
}

export function PanelLinksMenu(props: {
  plugin: AppPlugin;
  meta: AppPluginMeta;
  context: PluginExtensionPanelContext;
}) {
  const links = extensionLinks(props.plugin, props.meta, PluginExtensionPoints.DashboardPanelMenu, props.context);
  return (
    <Menu ariaLabel={`Actions for panel ${props.context.title}`}>
      <Menu.Group label="Extensions">
        {links.length === 0 ? (
          <Menu.Item label="No actions for this panel" disabled />
        ) : (
          links.map((link) => (
            <Menu.Item
              key={link.id}
              label={link.title}
              icon={link.icon}
              url={link.path ? sandboxHref(link.path) : undefined}
              testId="sandbox-panel-menu-link"
            />
          ))
        )}
      </Menu.Group>
    </Menu>
  );
}
