/**
 * What each entry point shows, in one place: register.ts registers these, and plugin.json's
 * `extensions.addedLinks` must declare the same titles and targets (Grafana ignores an added link
 * that plugin.json does not declare; register.test.ts checks that they agree).
 */
import { IconName, PluginExtensionPoints } from '@grafana/data';

export interface EntryLinkText {
  targets: PluginExtensionPoints[];
  title: string;
  description: string;
  icon: IconName;
}

/** One icon for every entry: the same action, "look closer", wherever it is offered. */
const ICON: IconName = 'search-plus';

function entryLink(target: PluginExtensionPoints, title: string, description: string): EntryLinkText {
  return { targets: [target], title, description, icon: ICON };
}

export const PANEL_MENU_LINK = entryLink(
  PluginExtensionPoints.DashboardPanelMenu,
  'Explain with InfraDrift',
  "Open InfraDrift's incident page for this panel's time range and queries: what changed compared with normal, and which signals moved with the model."
);

export const ALERT_INSTANCE_LINK = entryLink(
  PluginExtensionPoints.AlertInstanceAction,
  'Explain alert with InfraDrift',
  "Open InfraDrift's incident page for the period this alert has been active: what changed compared with normal before it fired."
);

export const EXPLORE_LINK = entryLink(
  PluginExtensionPoints.ExploreToolbarAction,
  'Explain queries with InfraDrift',
  "Open InfraDrift's incident page for Explore's time range and Prometheus queries."
);

export const ENTRY_LINKS: readonly EntryLinkText[] = [PANEL_MENU_LINK, ALERT_INSTANCE_LINK, EXPLORE_LINK];
