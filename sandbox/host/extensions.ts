/**
 * Grafana installs the plugin extension hooks at start-up; `usePluginComponent` throws without one.
 * The sandbox plays a Grafana that exposes no components (as one without alerting), so panels take
 * their fallbacks, e.g. the alert files instead of Grafana's alert form.
 */
import { setPluginComponentHook } from '@grafana/runtime';

export function installExtensionHooks(): void {
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
}
