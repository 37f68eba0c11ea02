/**
 * Plugin extensions as Grafana handles them, for the pages the sandbox plays.
 *
 * Components: Grafana installs the plugin extension hooks at start-up; `usePluginComponent` throws
 * without one. The sandbox plays a Grafana that exposes no components (as one without alerting), so
 * panels take their fallbacks, e.g. the alert files instead of Grafana's alert form.
 *
 * Links: the app's `addLink` configs (AppPlugin keeps them in `addedLinkConfigs`) are offered at an
 * extension point as Grafana's registry offers them: only links plugin.json declares (same title,
 * target listed), `configure` called with a read-only copy of the context, hidden when it returns
 * undefined or throws, and a path accepted only inside the app (`/a/<app id>/`).
 */
import {
  AppPlugin,
  AppPluginMeta,
  IconName,
  PluginExtensionAddedLinkConfig,
  PluginExtensionLink,
  PluginExtensionTypes,
} from '@grafana/data';
import { setPluginComponentHook } from '@grafana/runtime';

export function installExtensionHooks(): void {
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
}

interface DeclaredLink {
  targets: string[];
  title: string;
}

function declaredLinks(meta: AppPluginMeta): DeclaredLink[] {
  const extensions = (meta as AppPluginMeta & { extensions?: { addedLinks?: DeclaredLink[] } }).extensions;
  return extensions?.addedLinks ?? [];
}

/** Grafana hands `configure` a read-only view of the context: a plugin must not change what the host shows. */
function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (typeof (value as { isValid?: unknown }).isValid === 'function') {
    return value; // a DateTime: moment caches into itself, so it cannot be frozen
  }
  const copy = (Array.isArray(value) ? value.map(frozenCopy) : { ...value }) as Record<string, unknown>;
  for (const key of Object.keys(copy)) {
    copy[key] = frozenCopy(copy[key]);
  }
  return Object.freeze(copy) as T;
}

function targetsOf(config: PluginExtensionAddedLinkConfig): string[] {
  return Array.isArray(config.targets) ? config.targets : [config.targets];
}

/** The links an app adds at one extension point for one context, as Grafana's `usePluginLinks` returns them. */
export function extensionLinks(
  plugin: AppPlugin,
  meta: AppPluginMeta,
  extensionPointId: string,
  context: object
): PluginExtensionLink[] {
  const declared = declaredLinks(meta);
  const links: PluginExtensionLink[] = [];
  plugin.addedLinkConfigs.forEach((config, index) => {
    const isDeclared = declared.some(
      (d) => d.title === config.title && targetsOf(config).every((t) => d.targets.includes(t))
    );
    if (!isDeclared || !targetsOf(config).includes(extensionPointId)) {
      return;
    }
    let overrides: ReturnType<NonNullable<typeof config.configure>> = {};
    try {
      overrides = config.configure ? config.configure(frozenCopy(context)) : {};
    } catch {
      return; // Grafana logs the error and hides the link
    }
    if (overrides === undefined) {
      return;
    }
    const path = overrides.path ?? config.path;
    if (path !== undefined && !path.startsWith(`/a/${meta.id}/`)) {
      return;
    }
    if (path === undefined && !config.onClick) {
      return;
    }
    links.push({
      id: `${meta.id}/${extensionPointId}/${index}`,
      type: PluginExtensionTypes.link,
      pluginId: meta.id,
      title: config.title,
      description: overrides.description ?? config.description ?? '',
      path,
      icon: (overrides.icon ?? config.icon) as IconName | undefined,
    });
  });
  return links;
}
