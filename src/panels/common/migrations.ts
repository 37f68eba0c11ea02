import type { PanelMigrationHandler } from '@grafana/data';

/** What Grafana hands a migration handler: the panel as saved (its type is not exported by @grafana/data). */
export type SavedPanel = Parameters<PanelMigrationHandler>[0];

/**
 * One change of a panel's saved options. Grafana stores, with each saved panel, the `pluginVersion`
 * that saved it; a step applies to options saved by a plugin version older than `before`. Panels
 * saved before versioning carry no `pluginVersion` and count as the oldest (version 0).
 */
export interface OptionsStep {
  /** First plugin version (x.y.z) that saves options in the new shape. */
  before: string;
  apply(options: Record<string, unknown>): Record<string, unknown>;
}

/** x.y.z as numbers; anything else (absent, a build placeholder) reads as 0.0.0, the oldest. */
function versionParts(version: string | undefined): number[] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version ?? '');
  return m ? m.slice(1, 4).map(Number) : [0, 0, 0];
}

export function isOlderVersion(version: string | undefined, than: string): boolean {
  const a = versionParts(version);
  const b = versionParts(than);
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i] < b[i];
}

/**
 * The body of a panel's migration handler: applies, in order, the steps newer than the version
 * that saved the panel, then fills what the saved options lack with today's defaults. Saved values
 * are kept as they are (even ones today's editor would not offer): migrating must not change what a
 * saved panel shows.
 */
export function migrateOptions<T extends object>(panel: SavedPanel, defaults: T, steps: OptionsStep[]): T {
  const saved: unknown = panel.options;
  let options: Record<string, unknown> =
    saved && typeof saved === 'object' && !Array.isArray(saved) ? { ...saved } : {};
  for (const step of steps) {
    if (isOlderVersion(panel.pluginVersion, step.before)) {
      options = step.apply(options);
    }
  }
  return { ...defaults, ...options } as T;
}
