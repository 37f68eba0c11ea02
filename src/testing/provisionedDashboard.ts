import fs from 'fs';
import path from 'path';
import type { PanelModel } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

/** The dashboard the demo provisions: the saved JSON that migration tests must read with today's meaning. */
const DASHBOARD = path.resolve(__dirname, '..', '..', 'provisioning', 'dashboards', 'ml-service.json');

type SavedPanel = PanelModel & { panels?: SavedPanel[] };

/** Every panel of the provisioned dashboard, those inside rows included, as saved (no defaults filled). */
export function provisionedPanels(): SavedPanel[] {
  const dashboard = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8')) as { panels: SavedPanel[] };
  const flatten = (panels: SavedPanel[]): SavedPanel[] => panels.flatMap((p) => [p, ...flatten(p.panels ?? [])]);
  return flatten(dashboard.panels);
}

/** The saved queries of every panel whose target names the given data source type. */
export function provisionedQueries(datasourceType: string): DataQuery[] {
  return provisionedPanels().flatMap((p) =>
    (p.targets ?? []).filter((t) => (t.datasource ?? p.datasource)?.type === datasourceType)
  );
}
