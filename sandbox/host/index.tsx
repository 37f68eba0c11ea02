// boot must run before @grafana/runtime reads its config.
import { initialTheme } from './boot';
import React from 'react';
import { createRoot, Root } from 'react-dom/client';
import {
  AppPlugin,
  AppPluginMeta,
  createTheme,
  DataFrameJSON,
  DataQuery,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceSettings,
  DataSourceApi,
  DataSourcePlugin,
  DataSourcePluginMeta,
  dataFrameFromJSON,
  dataFrameToJSON,
  dateTime,
  PanelPlugin,
  PluginExtensionPanelContext,
  ThemeContext,
  toDataFrame,
} from '@grafana/data';
import { GlobalStyles } from '@grafana/ui';
import { from, lastValueFrom } from 'rxjs';
import { installDefine, loadModule, providedNames } from './amd';
import { AppAtPath, AppPage, appBaseUrl, setAppMeta } from './appPage';
import { dataSourceSrv, installServices, instanceSettings, templateSrv } from './dataSources';
import { installBackendSrv, registerDashboard } from './backendSrv';
import { locationService } from '@grafana/runtime';
import { installExtensionHooks } from './extensions';
import { setUpDemoAppPage, startDemo } from '../demo/page';
import { FrameKind, type MatrixMeta } from '../../src/shared/frameContract';
import { SandboxPanel } from './panel';
import { PanelLinksMenu } from './panelMenu';
import { PrometheusStandIn } from './prometheusStandIn';
import { SyntheticDataSource } from './syntheticDataSource';
import { registerOptionEditors } from './optionEditors';
import { provideSharedDependencies } from './shared';

installDefine();
provideSharedDependencies();
installServices();
installBackendSrv();
installExtensionHooks();
registerOptionEditors();

const query = new URLSearchParams(window.location.search);
/**
 * `?cores=N`: the page reports N logical processors (navigator.hardwareConcurrency), as on a machine with N
 * cores; `?cores=1` runs the analysis without its helper worker (docs/worker.md, "Two workers").
 */
const cores = Number(query.get('cores'));
if (Number.isInteger(cores) && cores > 0) {
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores, configurable: true });
}
/** Where the built plugin is served from: this origin by default, or a CDN-like second origin. */
const pluginBase = new URL(query.get('cdn') ?? '/public/plugins/infradrift-correlation-app/', window.location.href)
  .href;
const theme = createTheme({ colors: { mode: initialTheme } });

const roots = new Map<string, Root>();
/** Request ids must differ per query: InfraDrift cancels an older job with the same panel/request key. */
let queryCount = 0;

function mountPoint(id: string, width: number, height: number): HTMLElement {
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement('div');
    el.id = id;
    el.className = 'sandbox-slot';
    document.getElementById('slots')!.appendChild(el);
  }
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
  return el;
}

function render(id: string, width: number, height: number, node: React.ReactNode) {
  const el = mountPoint(id, width, height);
  let root = roots.get(id);
  if (!root) {
    root = createRoot(el);
    roots.set(id, root);
  }
  root.render(<ThemeContext.Provider value={theme}>{node}</ThemeContext.Provider>);
}

async function loadPlugin(path: string) {
  return loadModule(new URL(`${path ? path + '/' : ''}module.js`, pluginBase).href);
}

let app: Promise<{ plugin: AppPlugin; meta: AppPluginMeta }> | undefined;

/** The app plugin and its plugin.json (which titles its pages and declares its extension links), loaded once. */
function loadApp() {
  app ??= (async () => {
    const { plugin } = await loadPlugin('');
    if (!(plugin instanceof AppPlugin)) {
      throw new Error('module.js does not export an AppPlugin');
    }
    const meta = (await pluginJson('')) as AppPluginMeta;
    setAppMeta(meta);
    return { plugin, meta };
  })();
  return app;
}

/** A panel's "⋮" menu with the links the app adds to Grafana's panel menu, configured when it opens. */
async function panelMenu(context: PluginExtensionPanelContext) {
  const { plugin, meta } = await loadApp();
  return function Menu() {
    return <PanelLinksMenu plugin={plugin} meta={meta} context={context} />;
  };
}

async function pluginJson(path: string) {
  const response = await fetch(new URL(`${path ? path + '/' : ''}plugin.json`, pluginBase).href);
  return response.json();
}

function toFrames(frames: Array<DataFrameJSON | Record<string, unknown>>) {
  return frames.map((f) => ('schema' in f ? dataFrameFromJSON(f as DataFrameJSON) : toDataFrame(f)));
}

interface PanelRequest {
  id: string;
  path: string;
  title: string;
  frames?: Array<DataFrameJSON | Record<string, unknown>>;
  options?: Record<string, unknown>;
  width?: number;
  height?: number;
  timeRange?: { from: number; to: number };
  errorMessage?: string;
  /** The context of the panel's menu, as Grafana gives it to apps' links (no menu without it). */
  menuContext?: PluginExtensionPanelContext;
}

/** plugin.json-like meta for the host's stand-in data sources (pickers read its name and logos). */
function standInMeta(id: string, name: string): DataSourcePluginMeta {
  const logo =
    'data:image/svg+xml,' +
    encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="gray"/></svg>'
    );
  return {
    id,
    name,
    type: 'datasource',
    metrics: true,
    module: '',
    baseUrl: '',
    info: {
      author: { name: 'sandbox' },
      description: `${name} stand-in`,
      links: [],
      logos: { small: logo, large: logo },
      screenshots: [],
      updated: '',
      version: '',
    },
  } as unknown as DataSourcePluginMeta;
}

/** Grafana reads `errors` (and, for older plugins, the deprecated `error`): so does the sandbox. */
function firstError(response: DataQueryResponse) {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- older data sources still set it
  return response.errors?.[0] ?? response.error ?? null;
}

/** The API that browser tests and the demo page drive. */
const sandbox = {
  theme: initialTheme,
  pluginBase,
  providedNames,
  loadPlugin,
  pluginJson,
  dataSourceSrv,
  templateSrv,

  /** Which Grafana plugin class a module exports, checked with the host's own classes. */
  async pluginKind(path: string) {
    const { plugin } = await loadPlugin(path);
    if (plugin instanceof AppPlugin) {
      return 'AppPlugin';
    }
    if (plugin instanceof DataSourcePlugin) {
      return 'DataSourcePlugin';
    }
    return plugin instanceof PanelPlugin ? 'PanelPlugin' : 'unknown';
  },

  async renderPanel(req: PanelRequest) {
    const exports = await loadPlugin(req.path);
    const plugin = exports.plugin as PanelPlugin;
    if (!(plugin instanceof PanelPlugin)) {
      throw new Error(`${req.path} does not export a PanelPlugin`);
    }
    const width = req.width ?? 600;
    const height = req.height ?? 400;
    render(
      req.id,
      width,
      height,
      <SandboxPanel
        plugin={plugin}
        title={req.title}
        frames={toFrames(req.frames ?? [])}
        options={req.options}
        width={width}
        height={height}
        timeRange={req.timeRange ?? { from: Date.now() - 6 * 3600_000, to: Date.now() }}
        errorMessage={req.errorMessage}
        menu={req.menuContext ? await panelMenu(req.menuContext) : undefined}
      />
    );
  },

  panelMenu,

  /** The app's root page at its base URL, in a slot among the others (the gallery). */
  async renderAppRoot(id: string) {
    const { plugin, meta } = await loadApp();
    render(id, 900, 360, <AppAtPath plugin={plugin} meta={meta} path={appBaseUrl(meta.id)} />);
  },

  /** The app's page at this page's URL (`/a/<app id>/...`), full width, as Grafana shows it. */
  async renderAppPage() {
    const { plugin, meta } = await loadApp();
    const base = appBaseUrl(meta.id);
    if (window.location.pathname !== base && !window.location.pathname.startsWith(`${base}/`)) {
      throw new Error(`${window.location.pathname} is not under the app's base URL ${base}`);
    }
    const el = document.createElement('div');
    el.id = 'app-page';
    document.getElementById('slots')!.replaceWith(el);
    createRoot(el).render(
      <ThemeContext.Provider value={theme}>
        <AppPage plugin={plugin} meta={meta} />
      </ThemeContext.Provider>
    );
  },

  /** Creates an instance of a data source plugin from `dist/` and registers it with the DataSourceSrv. */
  async createDataSource(path: string, uid: string, name: string, jsonData: Record<string, unknown> = {}) {
    const exports = await loadPlugin(path);
    const plugin = exports.plugin as DataSourcePlugin<DataSourceApi>;
    const meta = (await pluginJson(path)) as DataSourcePluginMeta;
    plugin.meta = meta;
    const settings = instanceSettings(meta, uid, name, jsonData);
    const ds = new plugin.DataSourceClass(settings);
    dataSourceSrv.register(ds, settings);
    return ds;
  },

  /** Registers a Prometheus data source (Grafana-shaped frames) backed by the server's /api/prom/ proxy. */
  registerPrometheus(uid: string) {
    const settings = instanceSettings(standInMeta('prometheus', 'Prometheus'), uid, uid, {});
    const ds = new PrometheusStandIn(settings, async (pathAndQuery) =>
      (await fetch(`/api/prom/${pathAndQuery}`)).json()
    );
    dataSourceSrv.register(ds as unknown as DataSourceApi, settings);
  },

  /** Renders a registered data source's query editor (and config editor) with a query, as a panel editor would. */
  async renderEditors(id: string, path: string, uid: string, query: Record<string, unknown>) {
    const exports = await loadPlugin(path);
    const plugin = exports.plugin as DataSourcePlugin<DataSourceApi>;
    const ds = await dataSourceSrv.get({ uid });
    const QueryEditor = plugin.components.QueryEditor!;
    const ConfigEditor = plugin.components.ConfigEditor!;
    const settings = dataSourceSrv.getInstanceSettings({ uid })!;
    function Editors() {
      const [q, setQ] = React.useState(query as unknown as DataQuery);
      const [options, setOptions] = React.useState(settings as unknown as DataSourceSettings);
      return (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
          <QueryEditor datasource={ds} query={q as never} onChange={setQ} onRunQuery={() => undefined} />
          <ConfigEditor options={options} onOptionsChange={setOptions} />
        </div>
      );
    }
    render(id, 1300, 700, <Editors />);
  },

  /** Moves to an app URL the way a link inside Grafana does (locationService), without a page load. */
  navigate(url: string) {
    locationService.push(url);
  },

  /** Serves a dashboard's JSON at `/api/dashboards/uid/<uid>` (the incident page reads an InfraDrift panel's query there). */
  registerDashboard(uid: string, dashboard: Record<string, unknown>) {
    registerDashboard(uid, dashboard);
  },

  /** Registers a synthetic data source returning `count` series (benchmarks). */
  registerSynthetic(uid: string, count: number) {
    const settings = instanceSettings(standInMeta('synthetic', 'Synthetic'), uid, uid, {});
    dataSourceSrv.register(new SyntheticDataSource(settings, count) as unknown as DataSourceApi, settings);
  },

  /** How long the synthetic source's last query took (ms), or undefined when none is registered under `uid`. */
  async syntheticQueryMs(uid = 'synthetic') {
    const ds = await dataSourceSrv.get({ uid });
    return ds instanceof SyntheticDataSource ? ds.lastQueryMs : undefined;
  },

  /**
   * Registers the synthetic source ("synthetic", `signals` series) and an InfraDrift data source ("infradrift")
   * reading it by default at one point a minute, up to `points` points (benchmarks and tests of big matrices).
   */
  async createSyntheticInfraDrift(signals: number, points: number) {
    sandbox.registerSynthetic('synthetic', signals);
    return sandbox.createDataSource('datasource', 'infradrift', 'InfraDrift', {
      defaultSource: { type: 'synthetic', uid: 'synthetic' },
      maxSeries: signals,
      maxPoints: points,
      minStepSeconds: 60,
    });
  },

  /** Runs `query()` of a registered data source and returns its frames as JSON (plus errors). */
  async runQuery(
    uid: string,
    targets: unknown[],
    range: { from: number; to: number },
    extra: Record<string, unknown> = {}
  ) {
    const ds = await dataSourceSrv.get({ uid });
    const request = {
      requestId: `sandbox-${++queryCount}`,
      interval: '1m',
      intervalMs: 60_000,
      maxDataPoints: 1000,
      range: {
        from: dateTime(range.from),
        to: dateTime(range.to),
        raw: { from: dateTime(range.from), to: dateTime(range.to) },
      },
      scopedVars: {},
      targets,
      timezone: 'utc',
      app: 'dashboard',
      startTime: Date.now(),
      ...extra,
    } as unknown as DataQueryRequest;
    delete (request as unknown as Record<string, unknown>).summaryOnly;
    const response = await lastValueFrom(from(ds.query(request)));
    if (extra.summaryOnly) {
      // Benchmarks: skip the JSON conversion, which is the host's work, not the plugin's.
      const matrix = response.data.find((f) => f.meta?.custom?.kind === FrameKind.Matrix)?.meta?.custom as
        MatrixMeta | undefined;
      return {
        frameCount: response.data.length,
        notices: response.data.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text),
        error: firstError(response),
        // How the matrix was computed: the Gram kernel and the workers that shared it.
        kernel: matrix?.kernel,
        workers: matrix?.workers,
      };
    }
    return {
      frames: (response.data ?? []).map((frame) => dataFrameToJSON(toDataFrame(frame))),
      error: firstError(response),
      errors: response.errors ?? [],
    };
  },
};

(window as unknown as { sandbox: typeof sandbox }).sandbox = sandbox;

function Page() {
  return <GlobalStyles />;
}
createRoot(document.getElementById('global')!).render(
  <ThemeContext.Provider value={theme}>
    <Page />
  </ThemeContext.Provider>
);

/** `?view=gallery`: every plugin of the build on one page, for a developer without Grafana. */
async function gallery() {
  await sandbox.renderAppRoot('app-root');
  await sandbox.renderPanel({
    id: 'matrix-empty',
    path: 'panels/matrix',
    title: 'Correlation matrix',
    width: 440,
    height: 300,
  });
  await sandbox.renderPanel({ id: 'lag-empty', path: 'panels/lag', title: 'Lag correlation', width: 440, height: 300 });
}

const ready = () => (document.body.dataset.ready = 'true');
if (window.location.pathname.startsWith('/a/')) {
  // An app page, at the URL Grafana serves it from (the server answers /a/* with this page).
  setUpDemoAppPage(sandbox)
    .then(() => sandbox.renderAppPage())
    .finally(ready);
} else if (query.get('view') === 'gallery') {
  gallery().finally(ready);
} else if (query.get('view') === 'demo') {
  // `npm run demo`: the provisioned dashboard (sandbox/demo/page.tsx).
  startDemo(sandbox, theme).finally(ready);
} else {
  ready();
}
