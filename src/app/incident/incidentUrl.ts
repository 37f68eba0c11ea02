/**
 * The incident page's URL: every choice on the page lives in its query string, so a link from a panel
 * menu, a firing alert, Explore or a bookmark opens the same analysis. This file is the one place that
 * reads and writes it; the entry points (src/extensions) build an `IncidentState` and call `incidentPath`.
 *
 *   /a/infradrift-correlation-app/incidents?from=…&to=…&baseline=preceding:4&ds=<uid>&target=…
 *
 * Parameters (all optional; the page explains what is missing):
 *   from, to        incident window: ms since epoch or Grafana time expressions (`now-1h`), as Grafana's own URLs
 *   baseline        `preceding` | `preceding:<k>` | `1d` | `7d` | `fixed:<fromMs>:<toMs>`   (default preceding:4)
 *   ds              uid of the InfraDrift data source whose default signal set is used
 *   dashboard,panel an InfraDrift panel (dashboard uid + panel id) whose signals are reused
 *   source          uid of a Prometheus data source for the `expr` queries
 *   expr            a PromQL query to analyse (repeatable): what a panel or Explore hands over
 *   target          name of a signal to judge (repeatable; default the model signals)
 *   control         name of a signal to partial out (repeatable; default the set's confounders)
 *   infra           name of a signal that may be named as infrastructure (repeatable; default the set's
 *                   infrastructure-role signals)
 *   alert           a firing alert's name, shown as the page's context
 *   var-<name>      a dashboard variable's value (repeatable for multi-value), as Grafana's own dashboard
 *                   URLs write them: the reused panel's `$name` takes it (default: the dashboard's saved value)
 */
import { PLUGIN_BASE_URL, ROUTES } from '../routes';

export type BaselineParam =
  | { kind: 'preceding'; factor: number }
  | { kind: 'shifted'; shift: '1d' | '7d' }
  | { kind: 'fixed'; from: number; to: number };

export interface IncidentState {
  from?: string;
  to?: string;
  baseline: BaselineParam;
  ds?: string;
  dashboard?: string;
  panel?: number;
  source?: string;
  exprs: string[];
  targets: string[];
  controls: string[];
  infra: string[];
  alert?: string;
  /** Dashboard variable values by name (`var-<name>`). */
  vars: Record<string, string[]>;
}

const DEFAULT_BASELINE_FACTOR = 4;
export const DEFAULT_BASELINE: BaselineParam = { kind: 'preceding', factor: DEFAULT_BASELINE_FACTOR };

/** Longest expression and most expressions taken from a URL: a link is not a way to send a huge query. */
const MAX_EXPR_LENGTH = 4000;
const MAX_LIST = 50;

export function emptyIncidentState(): IncidentState {
  return { baseline: DEFAULT_BASELINE, exprs: [], targets: [], controls: [], infra: [], vars: {} };
}

/** `preceding:4` → { preceding, 4 }; anything unreadable falls back to the default (and says so via `ok`). */
export function parseBaseline(text: string | null): { baseline: BaselineParam; ok: boolean } {
  if (text === null || text === '') {
    return { baseline: DEFAULT_BASELINE, ok: true };
  }
  if (text === '1d' || text === '7d') {
    return { baseline: { kind: 'shifted', shift: text }, ok: true };
  }
  const preceding = /^preceding(?::(\d+(?:\.\d+)?))?$/.exec(text);
  if (preceding) {
    const factor = preceding[1] === undefined ? DEFAULT_BASELINE_FACTOR : Number(preceding[1]);
    return factor > 0 && factor <= 100
      ? { baseline: { kind: 'preceding', factor }, ok: true }
      : { baseline: DEFAULT_BASELINE, ok: false };
  }
  const fixed = /^fixed:(\d+):(\d+)$/.exec(text);
  if (fixed && Number(fixed[1]) < Number(fixed[2])) {
    return { baseline: { kind: 'fixed', from: Number(fixed[1]), to: Number(fixed[2]) }, ok: true };
  }
  return { baseline: DEFAULT_BASELINE, ok: false };
}

export function formatBaseline(b: BaselineParam): string {
  switch (b.kind) {
    case 'preceding':
      return `preceding:${b.factor}`;
    case 'shifted':
      return b.shift;
    case 'fixed':
      return `fixed:${Math.round(b.from)}:${Math.round(b.to)}`;
  }
}

function single(params: URLSearchParams, key: string, maxLength = 200): string | undefined {
  const v = params.get(key);
  return v !== null && v !== '' && v.length <= maxLength ? v : undefined;
}

function list(params: URLSearchParams, key: string, maxLength = 200): string[] {
  return params
    .getAll(key)
    .filter((v) => v !== '' && v.length <= maxLength)
    .slice(0, MAX_LIST);
}

/** `var-<name>` parameters, names as Grafana allows them (letters, digits, underscore). */
function variables(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    const name = /^var-(\w{1,100})$/.exec(key)?.[1];
    if (name && Object.keys(out).length < MAX_LIST) {
      out[name] = list(params, key, MAX_EXPR_LENGTH);
    }
  }
  return out;
}

/** Reads the page state from a query string (`?a=b…` or `a=b…`). Unknown keys are ignored. */
export function parseIncidentSearch(search: string): IncidentState & { baselineOk: boolean } {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const { baseline, ok } = parseBaseline(params.get('baseline'));
  const panelText = single(params, 'panel');
  const panel = Number(panelText);
  return {
    from: single(params, 'from'),
    to: single(params, 'to'),
    baseline,
    baselineOk: ok,
    ds: single(params, 'ds'),
    dashboard: single(params, 'dashboard'),
    panel: panelText !== undefined && Number.isInteger(panel) && panel >= 0 ? panel : undefined,
    source: single(params, 'source'),
    exprs: list(params, 'expr', MAX_EXPR_LENGTH),
    targets: list(params, 'target'),
    controls: list(params, 'control'),
    infra: list(params, 'infra'),
    alert: single(params, 'alert', 500),
    vars: variables(params),
  };
}

/** The query string for a state (no leading `?`), parameters in a stable order so links compare equal. */
export function formatIncidentSearch(state: IncidentState): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) =>
    value !== undefined && value !== '' && params.append(key, String(value));
  put('from', state.from);
  put('to', state.to);
  put('baseline', formatBaseline(state.baseline));
  put('ds', state.ds);
  put('dashboard', state.dashboard);
  put('panel', state.panel);
  put('source', state.source);
  state.exprs.slice(0, MAX_LIST).forEach((e) => put('expr', e));
  state.targets.slice(0, MAX_LIST).forEach((t) => put('target', t));
  state.controls.slice(0, MAX_LIST).forEach((c) => put('control', c));
  state.infra.slice(0, MAX_LIST).forEach((c) => put('infra', c));
  put('alert', state.alert);
  Object.entries(state.vars ?? {})
    .slice(0, MAX_LIST)
    .forEach(([name, values]) => values.slice(0, MAX_LIST).forEach((v) => put(`var-${name}`, v)));
  return params.toString();
}

/** The app-relative path of the incident page for a state, e.g. for `AppPlugin.addLink({ path })`. */
export function incidentPath(state: Partial<IncidentState>): string {
  const search = formatIncidentSearch({ ...emptyIncidentState(), ...state });
  return `${PLUGIN_BASE_URL}/${ROUTES.Incidents}?${search}`;
}

/** Every parameter this page reads, so a change can clear the ones a new state leaves out. */
const KEYS = [
  'from',
  'to',
  'baseline',
  'ds',
  'dashboard',
  'panel',
  'source',
  'expr',
  'target',
  'control',
  'infra',
  'alert',
];
/** The parameters that repeat (lists). */
const LISTS = new Set(['expr', 'target', 'control', 'infra']);

/**
 * The state as a query object for `locationService.partial`: each parameter of the page (repeatable
 * ones as arrays), the ones the state leaves out as undefined so they are removed from the URL.
 */
export function incidentUrlQuery(state: IncidentState): Record<string, string | string[] | undefined> {
  const params = new URLSearchParams(formatIncidentSearch(state));
  const query: Record<string, string | string[] | undefined> = {};
  const variableKeys = Object.keys(state.vars ?? {}).map((name) => `var-${name}`);
  for (const key of [...KEYS, ...variableKeys]) {
    const values = params.getAll(key);
    query[key] = values.length === 0 ? undefined : LISTS.has(key) || key.startsWith('var-') ? values : values[0];
  }
  return query;
}
