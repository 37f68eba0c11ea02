/**
 * Registers the incident page's entry points with Grafana. Each link's `configure` maps the extension
 * point's context to the page's URL (`incidentPath`) or hides the link (undefined) when there is
 * nothing to explain. plugin.json `extensions.addedLinks` declares the same links (see links.ts).
 */
import { AppPlugin, PluginExtensionPanelContext } from '@grafana/data';
import { incidentPath } from '../app/incident/incidentUrl';
import { AlertInstanceContext, alertInstanceTarget } from './alertInstance';
import { EntryTarget } from './entryState';
import { ExploreToolbarContext, exploreToolbarTarget } from './exploreToolbar';
import { grafanaLookups } from './grafanaLookups';
import { ALERT_INSTANCE_LINK, EntryLinkText, EXPLORE_LINK, PANEL_MENU_LINK } from './links';
import { panelMenuTarget } from './panelMenu';
import { GrafanaLookups } from './querySignals';

/** The link's description, plus which queries it leaves out and why (the signal set is then partial). */
export function linkDescription(text: EntryLinkText, target: EntryTarget): string {
  if (target.skipped.length === 0) {
    return text.description;
  }
  const reasons = target.skipped.map((s) => `${s.refId}: ${s.reason}`).join('; ');
  return `${text.description} Left out: ${reasons}.`;
}

function addEntryLink<Context extends object>(
  plugin: AppPlugin,
  text: EntryLinkText,
  map: (context: Readonly<Context> | undefined) => EntryTarget | undefined
) {
  plugin.addLink<Context>({
    targets: text.targets,
    title: text.title,
    description: text.description,
    icon: text.icon,
    path: incidentPath({}),
    configure: (context) => {
      const target = map(context);
      return target ? { path: incidentPath(target.state), description: linkDescription(text, target) } : undefined;
    },
  });
}

export function addIncidentLinks(plugin: AppPlugin, lookups: GrafanaLookups = grafanaLookups()): AppPlugin {
  addEntryLink<PluginExtensionPanelContext>(plugin, PANEL_MENU_LINK, (c) => panelMenuTarget(c, lookups));
  addEntryLink<AlertInstanceContext>(plugin, ALERT_INSTANCE_LINK, (c) => alertInstanceTarget(c, Date.now(), lookups));
  addEntryLink<ExploreToolbarContext>(plugin, EXPLORE_LINK, (c) => exploreToolbarTarget(c, lookups));
  return plugin;
}
