/**
 * Which signals the incident page analyses, from its URL (incidentUrl.ts):
 *   - `dashboard` + `panel`: the InfraDrift query of that panel (the dashboard JSON from Grafana's API);
 *   - `source` + `expr`: each expression becomes a model signal (the thing judged), joined with the
 *     InfraDrift data source's default infrastructure signals (what could be behind it);
 *   - otherwise `ds` (or the only / default InfraDrift data source): its default query.
 * Grafana's services are passed in (`SignalSetServices`), so the rules are tested without Grafana.
 * Every missing piece becomes a message for the user, never an exception.
 */
import type { DataSourceInstanceSettings, ScopedVars } from '@grafana/data';
import { migrateQuery, type SavedQuery } from '../../datasource/query/migrate';
import type { InfraDriftOptions, InfraDriftQuery, SignalQuery } from '../../datasource/types';
import datasourceJson from '../../datasource/plugin.json';
import type { IncidentState } from './incidentUrl';

export const INFRADRIFT_DS_TYPE = datasourceJson.id;

export interface SignalSetServices {
  /** Every data source the user can see (Grafana's `getDataSourceSrv().getList()`). */
  listDataSources(): DataSourceInstanceSettings[];
  /** Settings of a data source by uid or name, undefined when it does not exist. */
  getDataSource(uid: string): DataSourceInstanceSettings | undefined;
  /** The dashboard JSON (`GET /api/dashboards/uid/<uid>`'s `dashboard`); rejects when it cannot be read. */
  getDashboard(uid: string): Promise<DashboardJson>;
}

/** What the page reads of a dashboard: its title and panels (rows may nest panels). */
export interface DashboardJson {
  title?: string;
  panels?: PanelJson[];
  /** Variables with their saved values: the reused query's `$name` takes them unless the URL gives one. */
  templating?: { list?: Array<{ name?: string; current?: { value?: string | string[]; text?: string | string[] } }> };
}

export interface PanelJson {
  id?: number;
  title?: string;
  type?: string;
  datasource?: { uid?: string; type?: string } | string | null;
  targets?: Array<SavedQuery & { datasource?: { uid?: string; type?: string } | null; hide?: boolean }>;
  panels?: PanelJson[];
}

export interface SignalSet {
  /** The InfraDrift data source whose settings (default source, step and size bounds) the pipeline uses. */
  ds: { uid: string; name: string };
  settings: InfraDriftOptions;
  query: InfraDriftQuery;
  /** Where the signals come from, for the page's header. */
  origin: string;
  /** Values of the dashboard variables the query may use (`$name`), as Grafana's scoped variables. */
  scopedVars?: ScopedVars;
}

export type SignalSetResult = { ok: true; set: SignalSet } | { ok: false; message: string };

function isInfraDrift(s: DataSourceInstanceSettings | undefined): s is DataSourceInstanceSettings {
  return s?.type === INFRADRIFT_DS_TYPE;
}

/** The InfraDrift data source named by `uid`, else the default one, else the only one. */
function pickDataSource(uid: string | undefined, services: SignalSetServices): DataSourceInstanceSettings | string {
  if (uid) {
    const named = services.getDataSource(uid);
    if (!named) {
      return `The InfraDrift data source "${uid}" was not found (deleted, or no access). Choose another data source or remove ds from the URL.`;
    }
    return named.type === INFRADRIFT_DS_TYPE
      ? named
      : `The data source "${named.name}" is a ${named.type} data source, not InfraDrift.`;
  }
  const all = services.listDataSources().filter(isInfraDrift);
  const chosen = all.find((s) => s.isDefault) ?? all[0];
  return (
    chosen ??
    'No InfraDrift data source exists: add one (Connections → Data sources) and choose its default source, usually your Prometheus.'
  );
}

function settingsOf(ds: DataSourceInstanceSettings): InfraDriftOptions {
  return (ds.jsonData ?? {}) as InfraDriftOptions;
}

function findPanel(panels: PanelJson[] | undefined, id: number): PanelJson | undefined {
  for (const p of panels ?? []) {
    if (p.id === id) {
      return p;
    }
    const nested = findPanel(p.panels, id);
    if (nested) {
      return nested;
    }
  }
  return undefined;
}

function dsUid(ref: PanelJson['datasource']): string | undefined {
  return typeof ref === 'string' ? ref : (ref?.uid ?? undefined);
}

async function fromPanel(state: IncidentState, services: SignalSetServices): Promise<SignalSetResult> {
  let dashboard: DashboardJson;
  try {
    dashboard = await services.getDashboard(state.dashboard!);
  } catch (error) {
    return {
      ok: false,
      message: `The dashboard "${state.dashboard}" could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const panel = findPanel(dashboard.panels, state.panel!);
  const where = `panel ${state.panel} of dashboard "${dashboard.title ?? state.dashboard}"`;
  if (!panel) {
    return { ok: false, message: `The dashboard has no ${where}.` };
  }
  // A target's own data source wins over the panel's (mixed panels); template variables cannot be resolved here.
  for (const target of panel.targets ?? []) {
    if (target.hide) {
      continue;
    }
    const ref = dsUid(target.datasource) ? target.datasource : panel.datasource;
    const uid = dsUid(ref);
    const ds = uid ? services.getDataSource(uid) : undefined;
    const type = (typeof ref === 'object' && ref?.type) || ds?.type;
    if (type !== INFRADRIFT_DS_TYPE) {
      continue;
    }
    if (!isInfraDrift(ds)) {
      return {
        ok: false,
        message: `The InfraDrift data source "${uid}" of ${where} was not found (deleted, a template variable, or no access).`,
      };
    }
    const query = migrateQuery(target);
    return {
      ok: true,
      set: {
        ds: { uid: ds.uid, name: ds.name },
        settings: settingsOf(ds),
        query,
        origin: `${panel.title || 'panel'} (${dashboard.title ?? state.dashboard})`,
        scopedVars: dashboardVariables(dashboard, state.vars),
      },
    };
  }
  return {
    ok: false,
    message: `The ${where} has no InfraDrift query: open the page from an InfraDrift panel, or pass its queries as expr.`,
  };
}

/**
 * The dashboard's variables as scoped variables: the URL's `var-<name>` values over the saved ones. WHY:
 * on an app page Grafana's template service knows no dashboard variable, so the reused query's
 * `$model` would reach Prometheus as the literal text and match nothing.
 */
export function dashboardVariables(dashboard: DashboardJson, fromUrl: Record<string, string[]> = {}): ScopedVars {
  const vars: ScopedVars = {};
  for (const v of dashboard.templating?.list ?? []) {
    const saved = v.current?.value;
    if (v.name && saved !== undefined) {
      vars[v.name] = { text: String(v.current?.text ?? saved), value: saved };
    }
  }
  for (const [name, values] of Object.entries(fromUrl)) {
    vars[name] = { text: values.join(' + '), value: values.length === 1 ? values[0] : values };
  }
  return vars;
}

/** The expressions handed over by a panel or Explore, as model signals on their source data source. */
export function exprSignals(exprs: string[], source: DataSourceInstanceSettings | undefined): SignalQuery[] {
  return exprs.map((expr, i) => ({
    key: `E${i + 1}`,
    expr,
    role: 'model' as const,
    kind: 'gauge' as const,
    transform: 'none' as const,
    ...(source ? { datasource: { uid: source.uid, type: source.type } } : {}),
  }));
}

/** Resolves the page's signal set; every failure is a message. */
export async function resolveSignalSet(state: IncidentState, services: SignalSetServices): Promise<SignalSetResult> {
  if (state.dashboard !== undefined && state.panel !== undefined) {
    return fromPanel(state, services);
  }
  const picked = pickDataSource(state.ds, services);
  if (typeof picked === 'string') {
    return { ok: false, message: picked };
  }
  const base = migrateQuery({ refId: 'A' });
  const ds = { uid: picked.uid, name: picked.name };
  if (state.exprs.length > 0) {
    const source = state.source ? services.getDataSource(state.source) : undefined;
    if (state.source && !source) {
      return {
        ok: false,
        message: `The data source "${state.source}" of the expressions was not found (deleted, or no access).`,
      };
    }
    const infra = base.signals.filter((s) => s.role === 'infra');
    const signals = [...exprSignals(state.exprs, source), ...infra];
    return {
      ok: true,
      set: {
        ds,
        settings: settingsOf(picked),
        query: { ...base, signals },
        origin: `${state.exprs.length} expression(s) with ${picked.name}'s infrastructure signals`,
      },
    };
  }
  return {
    ok: true,
    set: { ds, settings: settingsOf(picked), query: base, origin: `${picked.name}'s default signals` },
  };
}
