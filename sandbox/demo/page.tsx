/**
 * `?view=demo`: the provisioned dashboard (provisioning/dashboards/ml-service.json) laid out by its
 * gridPos, without Grafana. InfraDrift queries run through the real data source from dist/ on the
 * Prometheus the demo backfilled; InfraDrift panels render for real. Grafana's built-in time series
 * panels are drawn with @grafana/ui's TimeSeries inside PanelChrome; other built-in types show a
 * labelled placeholder. `&incident=<scenario>` zooms to the latest finished incident of a scenario.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import {
  applyFieldOverrides,
  DataFrame,
  DataFrameJSON,
  dataFrameFromJSON,
  dateTime,
  FieldType,
  GrafanaTheme2,
  PluginExtensionPanelContext,
  ThemeContext,
  TimeRange,
} from '@grafana/data';
import { LegendDisplayMode } from '@grafana/schema';
import { DemoIncidentLink, incidentLinks } from './incidentLinks';
import { PanelChrome, TimeSeries } from '@grafana/ui';
import { AlertRow, FiringAlerts, loadAlerts } from './alerts';
import { MenuPanel, panelMenuContext } from '../host/panelMenu';

interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  gridPos: GridPos;
  datasource?: { type: string; uid: string };
  targets?: Array<Record<string, unknown> & { refId: string; datasource?: { uid: string } }>;
  options?: Record<string, unknown>;
  fieldConfig?: { defaults: Record<string, unknown>; overrides: unknown[] };
  description?: string;
}

interface Dashboard {
  uid: string;
  title: string;
  tags?: string[];
  time: { from: string; to: string };
  panels: DashboardPanel[];
  templating: { list: Array<{ name: string; current?: { value?: string | string[] } }> };
}

interface DemoConfig {
  simulatorUrl: string;
  dashboard: string;
  datasources: Array<{ name: string; uid: string; type: string; jsonData?: Record<string, unknown> }>;
}

interface Incident {
  scenario: string;
  start: number;
  end: number;
}

/** The simulator's `/incidents` entries, typed as the simulator writes them. */
type DemoIncident = Parameters<typeof incidentLinks>[0][number];

/** What the demo needs from the sandbox host's `window.sandbox`. */
export interface DemoHost {
  registerPrometheus(uid: string): void;
  createDataSource(path: string, uid: string, name: string, jsonData?: Record<string, unknown>): Promise<unknown>;
  runQuery(
    uid: string,
    targets: unknown[],
    range: { from: number; to: number },
    extra?: Record<string, unknown>
  ): Promise<{ frames?: DataFrameJSON[]; error?: { message?: string } | null }>;
  renderPanel(req: {
    id: string;
    path: string;
    title: string;
    frames?: DataFrameJSON[];
    options?: Record<string, unknown>;
    width?: number;
    height?: number;
    timeRange?: { from: number; to: number };
    errorMessage?: string;
    menuContext?: PluginExtensionPanelContext;
  }): Promise<void>;
  /** The panel's "⋮" menu: the links apps add to Grafana's panel menu. */
  panelMenu(context: PluginExtensionPanelContext): Promise<() => React.ReactElement>;
  templateSrv: { setValues(values: Record<string, string>): void; replace(text?: string): string };
  registerDashboard(uid: string, dashboard: Record<string, unknown>): void;
}

/** Grafana's grid: 24 columns, 30 px rows with 8 px gaps. */
const COLUMNS = 24;
const ROW_PX = 30;
const GAP_PX = 8;
const OURS: Record<string, string> = {
  'infradrift-matrix-panel': 'panels/matrix',
  'infradrift-lag-panel': 'panels/lag',
};

/** `now-6h` style relative times, as the dashboard's default range is written. */
export function parseRelative(text: string, now: number): number {
  const m = /^now(?:-(\d+)([smhd]))?$/.exec(text.trim());
  if (!m) {
    return Date.parse(text);
  }
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'] ?? 0;
  return now - Number(m[1] ?? 0) * unit;
}

function toRange(r: { from: number; to: number }): TimeRange {
  return { from: dateTime(r.from), to: dateTime(r.to), raw: { from: dateTime(r.from), to: dateTime(r.to) } };
}

function BuiltInPanel(props: {
  panel: DashboardPanel;
  frames: DataFrame[];
  error?: string;
  width: number;
  height: number;
  range: { from: number; to: number };
  theme: GrafanaTheme2;
  menu?: () => React.ReactElement;
}) {
  const { panel, width, height, theme } = props;
  // Frames without a time field (e.g. InfraDrift's notices-only frame) are not time series.
  const frames = React.useMemo(
    () =>
      applyFieldOverrides({
        // Grafana core fills field config from the dashboard's defaults through its option registry,
        // which the sandbox does not have: copy the defaults (unit, decimals, min, max) onto the fields.
        data: props.frames
          .filter((f) => f.fields.some((field) => field.type === FieldType.time))
          .map((f) => ({
            ...f,
            fields: f.fields.map((field) => ({
              ...field,
              config: { ...(panel.fieldConfig?.defaults ?? {}), ...field.config },
            })),
          })),
        fieldConfig: (panel.fieldConfig ?? { defaults: {}, overrides: [] }) as never,
        replaceVariables: (v: string) => v,
        theme,
        timeZone: 'browser',
      }),
    [props.frames, panel.fieldConfig, theme]
  );
  return (
    <PanelChrome
      title={panel.title}
      description={panel.description}
      width={width}
      height={height}
      statusMessage={props.error}
      menu={props.menu}
    >
      {(w, h) =>
        panel.type === 'timeseries' && frames.length > 0 ? (
          <TimeSeries
            frames={frames}
            width={w}
            height={h}
            timeRange={toRange(props.range)}
            timeZone="browser"
            legend={{ displayMode: LegendDisplayMode.List, placement: 'bottom', showLegend: true, calcs: [] }}
            options={panel.options}
          />
        ) : (
          <div data-testid="demo-placeholder" style={{ padding: 8, color: theme.colors.text.secondary }}>
            {panel.type === 'timeseries'
              ? ['No data', ...props.frames.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text)].join(' · ')
              : `Grafana "${panel.type}" panel: shown in Grafana (docker compose), not in the sandbox`}
          </div>
        )
      }
    </PanelChrome>
  );
}

function Header(props: {
  dashboard: Dashboard;
  range: { from: number; to: number };
  now: number;
  incidents: Incident[];
  zoomed?: Incident;
  vars: Record<string, string>;
  theme: GrafanaTheme2;
  /** Each finished scenario on the incident page, with its window and the quiet time before it. */
  incidentLinks: DemoIncidentLink[];
}) {
  const { theme, range } = props;
  const params = new URLSearchParams(window.location.search);
  const link = (incident?: string) => {
    const p = new URLSearchParams(params);
    if (incident) {
      p.set('incident', incident);
    } else {
      p.delete('incident');
    }
    return `?${p}`;
  };
  const scenarios = [...new Set(props.incidents.filter((i) => i.end <= props.now).map((i) => i.scenario))];
  const fmt = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <div style={{ padding: '8px 16px', display: 'flex', gap: 16, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <h2 style={{ margin: 0 }}>{props.dashboard.title}</h2>
      <span style={{ color: theme.colors.text.secondary }}>
        {fmt(range.from)} – {fmt(range.to)} ·{' '}
        {Object.entries(props.vars)
          .map(([k, v]) => `${k}=${v}`)
          .join(' · ')}
        {props.zoomed ? ` · incident ${props.zoomed.scenario} ${fmt(props.zoomed.start)}–${fmt(props.zoomed.end)}` : ''}
      </span>
      <span>
        Zoom to: <a href={link()}>{props.dashboard.time.from}</a>
        {scenarios.map((s) => (
          <React.Fragment key={s}>
            {' · '}
            <a href={link(s)}>{s}</a>
          </React.Fragment>
        ))}
      </span>
      {props.incidentLinks.length > 0 && (
        <span data-testid="demo-incident-links">
          Open incident:{' '}
          {props.incidentLinks.map((l, i) => (
            <React.Fragment key={l.scenario}>
              {i > 0 && ' · '}
              <a href={l.href} title={`${l.title}, ${fmt(l.incident.from)}–${fmt(l.incident.to)}: the verdict page`}>
                {l.scenario}
              </a>
            </React.Fragment>
          ))}
        </span>
      )}
    </div>
  );
}

/** Where the demo stack serves its page config (sandbox/demo/stack.ts). */
const DEMO_FILES = '/demo-files/';

/** The demo's data sources, its dashboard and its template variables at their saved values, as Grafana has them. */
async function registerDemo(
  host: DemoHost
): Promise<{ config: DemoConfig; dashboard: Dashboard; vars: Record<string, string> }> {
  const config = (await (await fetch(`${DEMO_FILES}config.json`)).json()) as DemoConfig;
  const dashboard = (await (await fetch(config.dashboard)).json()) as Dashboard;
  for (const ds of config.datasources) {
    if (ds.type === 'prometheus') {
      host.registerPrometheus(ds.uid);
    } else if (ds.type === 'infradrift-correlation-datasource') {
      await host.createDataSource('datasource', ds.uid, ds.name, ds.jsonData ?? {});
    }
  }
  // Template variables at their saved values (the sandbox has no variable editor).
  const vars = Object.fromEntries(
    dashboard.templating.list.map((v) => [v.name, String([v.current?.value ?? ''].flat()[0])])
  );
  host.templateSrv.setValues(vars);
  // The incident page reuses the dashboard's panels (`/api/dashboards/uid/<uid>`).
  host.registerDashboard(dashboard.uid, dashboard as unknown as Record<string, unknown>);
  return { config, dashboard, vars };
}

/**
 * An app page opened from the demo (the dashboard's incident links, a panel menu): the page finds the
 * demo's data sources and dashboard, as in Grafana. Outside the demo (no demo files served) it does nothing.
 */
export async function setUpDemoAppPage(host: DemoHost): Promise<void> {
  const sandbox = (await (await fetch('/sandbox.json')).json()) as { staticDirs: string[] };
  if (sandbox.staticDirs.includes(DEMO_FILES)) {
    await registerDemo(host);
  }
}

export async function startDemo(host: DemoHost, theme: GrafanaTheme2): Promise<void> {
  const { config, dashboard, vars } = await registerDemo(host);
  const incidents = ((await (await fetch(`${config.simulatorUrl}incidents`)).json()) as { incidents: Incident[] })
    .incidents;

  const now = Date.now();
  const wanted = new URLSearchParams(window.location.search).get('incident');
  const zoomed = wanted ? incidents.filter((i) => i.scenario === wanted && i.end <= now).pop() : undefined;
  // Around an incident: the half hour before it (healthy reference) and a little after it.
  const range = zoomed
    ? { from: zoomed.start - 30 * 60_000, to: Math.min(now, zoomed.end + 20 * 60_000) }
    : { from: parseRelative(dashboard.time.from, now), to: parseRelative(dashboard.time.to, now) };

  // The built-in panels draw with uPlot, whose layout needs its stylesheet (served by the demo stack).
  // Injected as text: the sandbox server sends no text/css type, which a <link> would need.
  const css = document.createElement('style');
  css.textContent = await (await fetch('/vendor/uplot/uPlot.min.css')).text();
  document.head.appendChild(css);

  const page = document.createElement('div');
  page.id = 'demo';
  page.dataset.range = JSON.stringify(range);
  if (zoomed) {
    page.dataset.incident = JSON.stringify({ from: zoomed.start, to: zoomed.end });
  }
  document.body.appendChild(page);
  const headerEl = document.createElement('div');
  page.appendChild(headerEl);
  createRoot(headerEl).render(
    <ThemeContext.Provider value={theme}>
      <Header
        dashboard={dashboard}
        range={range}
        now={now}
        incidents={incidents}
        zoomed={zoomed}
        vars={vars}
        theme={theme}
        incidentLinks={incidentLinks(incidents as DemoIncident[], now)}
      />
    </ThemeContext.Provider>
  );

  // Beside the panels: what the demo's alert rules say now (live) or over the zoomed incident.
  const alertsEl = document.createElement('div');
  page.appendChild(alertsEl);
  const alertsRoot = createRoot(alertsEl);
  const showAlerts = (rows?: AlertRow[], error?: string) =>
    alertsRoot.render(
      <ThemeContext.Provider value={theme}>
        <FiringAlerts rows={rows} error={error} theme={theme} />
      </ThemeContext.Provider>
    );
  showAlerts();
  void loadAlerts(range, !zoomed).then(
    (rows) => showAlerts(rows),
    (error: Error) => showAlerts(undefined, `Alerts could not be read from Prometheus: ${error.message}`)
  );

  const grid = document.createElement('div');
  const width = Math.max(960, document.documentElement.clientWidth - 32);
  const col = width / COLUMNS;
  const bottom = Math.max(...dashboard.panels.map((p) => p.gridPos.y + p.gridPos.h));
  Object.assign(grid.style, {
    position: 'relative',
    margin: '0 16px',
    width: `${width}px`,
    height: `${bottom * (ROW_PX + GAP_PX)}px`,
  });
  page.appendChild(grid);

  const jobs = dashboard.panels.map(async (panel) => {
    const { x, y, w, h } = panel.gridPos;
    const el = document.createElement('div');
    el.id = `demo-panel-${panel.id}`;
    el.dataset.panelType = panel.type;
    const pxW = Math.round(w * col - GAP_PX);
    const pxH = h * (ROW_PX + GAP_PX) - GAP_PX;
    Object.assign(el.style, {
      position: 'absolute',
      left: `${Math.round(x * col)}px`,
      top: `${y * (ROW_PX + GAP_PX)}px`,
      width: `${pxW}px`,
    });
    grid.appendChild(el);
    if (panel.type === 'row') {
      el.style.height = `${ROW_PX}px`;
      createRoot(el).render(
        <h3 style={{ margin: '6px 0 0', fontSize: 16, color: theme.colors.text.primary }}>{panel.title}</h3>
      );
      return;
    }
    const uid = panel.datasource?.uid;
    // Grafana's Prometheus data source replaces $variables in expr itself; the host's stand-in does not.
    // InfraDrift's data source interpolates its own queries (through the same template service).
    const targets = panel.targets?.map((t) =>
      panel.datasource?.type === 'prometheus' && typeof t.expr === 'string'
        ? { ...t, expr: host.templateSrv.replace(t.expr) }
        : t
    );
    // Each panel its own panelId, as in Grafana: InfraDrift cancels an older analysis of the same panel.
    const extra = { panelId: panel.id, requestId: `demo-${panel.id}` };
    const result = uid && targets ? await host.runQuery(uid, targets, range, extra) : {};
    const frames = result.frames ?? [];
    // For tests and the curious (devtools): what each panel received.
    ((window as unknown as { demoFrames?: Record<number, DataFrameJSON[]> }).demoFrames ??= {})[panel.id] = frames;
    const error = result.error ? (result.error.message ?? 'query failed') : undefined;
    el.dataset.frames = String(frames.length);
    el.dataset.error = error ?? '';
    const menuContext = panelMenuContext(
      { uid: dashboard.uid, title: dashboard.title, tags: dashboard.tags ?? [] },
      panel as MenuPanel,
      range
    );
    if (OURS[panel.type]) {
      await host.renderPanel({
        id: el.id,
        path: OURS[panel.type],
        title: panel.title,
        frames,
        options: panel.options,
        width: pxW,
        height: pxH,
        timeRange: range,
        errorMessage: error,
        menuContext,
      });
      return;
    }
    createRoot(el).render(
      <ThemeContext.Provider value={theme}>
        <BuiltInPanel
          panel={panel}
          frames={frames.map((f) => dataFrameFromJSON(f))}
          error={error}
          width={pxW}
          height={pxH}
          range={range}
          theme={theme}
          menu={await host.panelMenu(menuContext)}
        />
      </ThemeContext.Provider>
    );
  });
  const outcomes = await Promise.allSettled(jobs);
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  page.dataset.failed = String(failed.length);
  failed.forEach((f) => {
    const note = document.createElement('pre');
    note.textContent = `panel failed: ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`;
    page.appendChild(note);
  });
}
