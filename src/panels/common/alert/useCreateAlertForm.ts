/**
 * Grafana's own alert form as an exposed component (Grafana 12.3+,
 * `grafana/alerting/create-alert-from-panel/v1`), or undefined where it is missing: a Grafana without
 * alerting, or the sandbox (which installs an extension hook exposing nothing). Always pair it with a fallback.
 */
import type { ComponentType } from 'react';
import { PluginExtensionExposedComponents, type TimeRange } from '@grafana/data';
import { usePluginComponent } from '@grafana/runtime';
import type { AlertForm } from '../../../alerting';

export interface CreateAlertFromPanelProps {
  /** A panel model: its targets are queries on the Prometheus data source with the generated PromQL. */
  panel: AlertForm['panel'];
  range?: TimeRange;
  onDismiss?: () => void;
}

// The host's @grafana/data can predate the enum member; the id is stable.
const ID: string =
  PluginExtensionExposedComponents.CreateAlertFromPanelV1 ?? 'grafana/alerting/create-alert-from-panel/v1';

export function useCreateAlertForm(): ComponentType<CreateAlertFromPanelProps> | undefined {
  const { component } = usePluginComponent<CreateAlertFromPanelProps>(ID);
  return component ?? undefined;
}
