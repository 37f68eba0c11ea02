import { AppPlugin, PluginExtensionPoints } from '@grafana/data';
import pluginJson from '../plugin.json';
import { parseIncidentSearch } from '../app/incident/incidentUrl';
import { ENTRY_LINKS, PANEL_MENU_LINK } from './links';
import { NO_LOOKUPS } from './querySignals';
import { addIncidentLinks } from './register';
import { panelContext, PROM } from './testContexts';

const APP_PREFIX = `/a/${pluginJson.id}/`;

function registered() {
  return addIncidentLinks(new AppPlugin(), NO_LOOKUPS).addedLinkConfigs;
}

describe('registered entry links', () => {
  it('are declared in plugin.json as Grafana requires (same title and description, targets declared)', () => {
    const declared = pluginJson.extensions.addedLinks;
    const links = registered();
    expect(links).toHaveLength(ENTRY_LINKS.length);
    for (const link of links) {
      const entry = declared.find((d) => d.title === link.title);
      expect(entry).toBeDefined();
      expect(entry!.description).toBe(link.description);
      expect([link.targets].flat().every((t) => entry!.targets.includes(t))).toBe(true);
    }
    expect(declared).toHaveLength(links.length);
  });

  it('link into the app (Grafana drops a path outside /a/<plugin id>/)', () => {
    for (const link of registered()) {
      expect(link.path?.startsWith(APP_PREFIX)).toBe(true);
    }
  });

  it('configure: the panel menu link opens the incident page with the panel’s queries, or hides', () => {
    const panelLink = registered().find((l) => l.title === PANEL_MENU_LINK.title)!;
    expect([panelLink.targets].flat()).toEqual([PluginExtensionPoints.DashboardPanelMenu]);
    const shown = panelLink.configure!(
      panelContext([
        { refId: 'A', datasource: PROM, expr: 'up' },
        { refId: 'B', datasource: { type: 'loki', uid: 'l' }, expr: '{a="b"}' },
      ] as never)
    );
    const url = new URL(shown!.path!, 'http://grafana');
    expect(url.pathname).toBe(`${APP_PREFIX}incidents`);
    expect(parseIncidentSearch(url.search).exprs).toEqual(['up']);
    expect(shown!.description).toMatch(/Left out: B: it is a loki query, not PromQL\.$/);
    expect(panelLink.configure!(panelContext([]))).toBeUndefined();
    expect(panelLink.configure!(undefined)).toBeUndefined();
  });
});
