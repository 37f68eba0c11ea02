import { standardEditorsRegistry, StandardEditorsRegistryItem } from '@grafana/data';

/**
 * Grafana core registers its option editors at start-up; panel plugins' options builders look them
 * up by id when Grafana computes default options. The sandbox draws no options pane, so each id
 * maps to an empty editor: enough for defaults to resolve exactly as in Grafana.
 */
const IDS = [
  'text',
  'number',
  'slider',
  'boolean',
  'radio',
  'select',
  'multiSelect',
  'color',
  'unit',
  'links',
  'mappings',
  'thresholds',
  'fieldColor',
  'color-scheme',
  'stats-picker',
  'field-name',
  'custom',
  'interval',
  'strings',
  'timezone',
  'units',
  'links',
  'date-time',
];

export function registerOptionEditors() {
  const editor = () => null;
  const unique = [...new Set(IDS)];
  standardEditorsRegistry.setInit(() => unique.map((id): StandardEditorsRegistryItem => ({ id, name: id, editor })));
}
