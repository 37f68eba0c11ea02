/**
 * "Explain with InfraDrift" in a dashboard panel's menu: the panel's time range and its queries become
 * the incident page's window and signal set. Hidden (undefined) when no query is usable.
 */
import { PluginExtensionPanelContext } from '@grafana/data';
import { EntryTarget, stateFromSignals } from './entryState';
import { GrafanaLookups, NO_LOOKUPS, querySignals } from './querySignals';
import { absoluteWindow } from './timeWindow';

export function panelMenuTarget(
  context: Readonly<PluginExtensionPanelContext> | undefined,
  lookups: GrafanaLookups = NO_LOOKUPS
): EntryTarget | undefined {
  if (!context) {
    return undefined;
  }
  const signals = querySignals(context.targets ?? [], {
    lookups,
    ranTargets: context.data?.request?.targets,
    scopedVars: context.scopedVars,
  });
  const window = absoluteWindow(context.timeRange, context.data, context.timeZone);
  return stateFromSignals(signals, window, {
    dashboard: context.dashboard?.uid,
    id: context.id,
    vars: lookups.dashboardVariables(),
  });
}
