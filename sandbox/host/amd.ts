/**
 * A minimal AMD loader that loads plugin `module.js` files the way Grafana does: the file calls
 * `define([deps], factory)`; shared dependencies come from the host's registry, and the special
 * `module` dependency carries the real URL so webpack's public path (and worker chunks) resolve
 * next to the file, wherever it is served from (same origin or a CDN origin).
 */

type Factory = (...deps: unknown[]) => unknown;

const shared = new Map<string, unknown>();
const loaded = new Map<string, Promise<Record<string, unknown>>>();
let pending: { deps: string[]; factory: Factory } | undefined;

/** Registers a module the host provides to plugins (react, @grafana/data, ...). */
export function provide(name: string, value: unknown) {
  shared.set(name, value);
}

export function providedNames(): string[] {
  return [...shared.keys()].sort();
}

function define(depsOrFactory: string[] | Factory, maybeFactory?: Factory) {
  const deps = Array.isArray(depsOrFactory) ? depsOrFactory : [];
  const factory = (Array.isArray(depsOrFactory) ? maybeFactory : depsOrFactory) as Factory;
  pending = { deps, factory };
}
define.amd = {};

/** Installs the global `define` that built plugin modules call. */
export function installDefine() {
  (window as unknown as { define: typeof define }).define = define;
}

/** Loads one built plugin module by URL and returns its exports (e.g. `{ plugin }`). */
export function loadModule(url: string): Promise<Record<string, unknown>> {
  const absolute = new URL(url, document.baseURI).href;
  const known = loaded.get(absolute);
  if (known) {
    return known;
  }
  const promise = new Promise<Record<string, unknown>>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = absolute;
    script.crossOrigin = 'anonymous';
    script.onload = () => {
      const definition = pending;
      pending = undefined;
      if (!definition) {
        reject(new Error(`${absolute} did not call define()`));
        return;
      }
      const exportsObject: Record<string, unknown> = {};
      try {
        const args = definition.deps.map((dep) => {
          if (dep === 'module') {
            return { uri: absolute, id: absolute };
          }
          if (dep === 'exports') {
            return exportsObject;
          }
          if (!shared.has(dep)) {
            throw new Error(`${absolute} needs "${dep}", which the host does not provide`);
          }
          return shared.get(dep);
        });
        const result = definition.factory(...args);
        resolve((result as Record<string, unknown>) ?? exportsObject);
      } catch (error) {
        reject(error);
      }
    };
    script.onerror = () => reject(new Error(`could not load ${absolute}`));
    document.head.appendChild(script);
  });
  loaded.set(absolute, promise);
  return promise;
}
