/**
 * The Explore toolbar's link: Explore's time range and queries, mapped exactly as a panel's are.
 * Grafana does not export this context's type; its shape (Grafana 12–13, `ToolbarExtensionPoint.tsx`):
 * `{ exploreId, targets, data, timeRange (raw), timeZone, shouldShowAddCorrelation }`.
 */
import { PanelData, RawTimeRange } from '@grafana/data';
import type { DataQuery, TimeZone } from '@grafana/schema';
import { EntryTarget, stateFromSignals } from './entryState';
import { GrafanaLookups, NO_LOOKUPS, querySignals } from './querySignals';
import { absoluteWindow } from './timeWindow';

export interface ExploreToolbarContext {
  exploreId?: string;
  targets?: DataQuery[];
  data?: PanelData;
  timeRange?: RawTimeRange;
  timeZone?: TimeZone;
}

export function exploreToolbarTarget(
  context: Readonly<ExploreToolbarContext> | undefined,
  lookups: GrafanaLookups = NO_LOOKUPS
): EntryTarget | undefined {
  if (!context) {
    return undefined;
  }
  const signals = querySignals(context.targets ?? [], { lookups, ranTargets: context.data?.request?.targets });
  return stateFromSignals(signals, absoluteWindow(context.timeRange, context.data, context.timeZone));
}
