/**
 * One home for "a list of queries → the signal set handed to the incident page", shared by the panel
 * menu and the Explore toolbar (and the alert's rule queries): which queries are InfraDrift's, which
 * are PromQL on a Prometheus data source, and why any other query is left out.
 *
 * The mapping is pure: what only Grafana knows (a `${ds}` variable's current data source, dashboard
 * variables inside an expression) is asked through `GrafanaLookups`, which register.ts wires to
 * Grafana's services and tests replace.
 */
import { ScopedVars } from '@grafana/data';
import type { DataQuery, DataSourceRef } from '@grafana/schema';
import datasourceJson from '../datasource/plugin.json';

/** Our data source's plugin type id: its queries name a signal set the page can reuse as is. */
export const INFRADRIFT_DATASOURCE_TYPE = datasourceJson.id;
/** Data source types whose queries are PromQL in `expr`. */
const PROMQL_TYPES: ReadonlySet<string> = new Set(['prometheus']);
/** Grafana's pseudo data sources: a mixed panel (each query names its own) and server-side expressions. */
const MIXED_UID = '-- Mixed --';
const EXPRESSION_UIDS: ReadonlySet<string> = new Set(['__expr__', '-100']);

export interface ResolvedDataSource {
  type: string;
  uid: string;
}

export interface GrafanaLookups {
  /** A reference that is a variable (`${ds}`), a name or a bare uid → the data source Grafana uses now. */
  resolveDataSource(ref: DataSourceRef | string): ResolvedDataSource | undefined;
  /** Dashboard variables in a PromQL expression replaced by their current values. */
  interpolateExpr(expr: string, scopedVars?: ScopedVars): string;
  /** The dashboard's variables and their current values (an InfraDrift panel's link carries them as `var-`). */
  dashboardVariables(): Record<string, string[]>;
}

function isVariable(text: string): boolean {
  return text.includes('$');
}

/** A reference that already says everything: a type and a literal uid. */
function concreteRef(ref: DataSourceRef | string | null | undefined): ResolvedDataSource | undefined {
  if (ref && typeof ref === 'object' && ref.type && ref.uid && !isVariable(ref.uid) && !isVariable(ref.type)) {
    return { type: ref.type, uid: ref.uid };
  }
  return undefined;
}

/** Without Grafana (tests, a host without services): only concrete references resolve, expressions stay as written. */
export const NO_LOOKUPS: GrafanaLookups = {
  resolveDataSource: (ref) => concreteRef(ref),
  interpolateExpr: (expr) => expr,
  dashboardVariables: () => ({}),
};

export interface SkippedQuery {
  refId: string;
  reason: string;
}

export interface SignalSet {
  /** uid of the first InfraDrift data source among the queries: its signal set is reused. */
  infradrift?: string;
  /** uid of the Prometheus data source the expressions run on (one per link, the first one met). */
  source?: string;
  exprs: string[];
  /** Queries left out, each with the reason a person would want to read. */
  skipped: SkippedQuery[];
}

export interface QuerySignalsOptions {
  lookups?: GrafanaLookups;
  /**
   * The same queries as Grafana last ran them (`PanelData.request.targets`): there each query carries
   * the data source it really ran on, also when it inherits the panel's or the panel names a `${ds}` variable.
   */
  ranTargets?: DataQuery[];
  scopedVars?: ScopedVars;
}

function refText(ref: DataSourceRef | string | null | undefined): string {
  return typeof ref === 'string' ? ref : (ref?.uid ?? '');
}

function isMixed(ref: DataSourceRef | string | null | undefined): boolean {
  return refText(ref) === MIXED_UID;
}

function resolveQueryDataSource(
  query: DataQuery,
  ran: DataQuery | undefined,
  lookups: GrafanaLookups
): ResolvedDataSource | SkippedQuery {
  const own = query.datasource;
  for (const ref of [own, ran?.datasource]) {
    if (ref === undefined || ref === null || isMixed(ref)) {
      continue;
    }
    const resolved = concreteRef(ref) ?? lookups.resolveDataSource(ref);
    if (resolved) {
      return resolved;
    }
  }
  const text = refText(own);
  return {
    refId: query.refId,
    reason: isVariable(text)
      ? `its data source is the variable ${text}, which has no current value here`
      : text
        ? `its data source ${text} is unknown`
        : 'it names no data source of its own',
  };
}

/** The signal set of a list of queries; see the file's header for the rules. */
export function querySignals(queries: readonly DataQuery[], options: QuerySignalsOptions = {}): SignalSet {
  const lookups = options.lookups ?? NO_LOOKUPS;
  const set: SignalSet = { exprs: [], skipped: [] };
  const skip = (refId: string, reason: string) => set.skipped.push({ refId, reason });
  for (const query of queries) {
    if (query.hide) {
      skip(query.refId, 'it is hidden');
      continue;
    }
    const ran = options.ranTargets?.find((t) => t.refId === query.refId);
    if (EXPRESSION_UIDS.has(refText(query.datasource))) {
      skip(query.refId, 'it is a server-side expression, not a query');
      continue;
    }
    const ds = resolveQueryDataSource(query, ran, lookups);
    if ('reason' in ds) {
      set.skipped.push(ds);
      continue;
    }
    if (EXPRESSION_UIDS.has(ds.uid) || ds.type === '__expr__') {
      skip(query.refId, 'it is a server-side expression, not a query');
    } else if (ds.type === INFRADRIFT_DATASOURCE_TYPE) {
      set.infradrift ??= ds.uid;
    } else if (!PROMQL_TYPES.has(ds.type)) {
      skip(query.refId, `it is a ${ds.type} query, not PromQL`);
    } else {
      addPromQL(set, query, ds.uid, lookups, options.scopedVars);
    }
  }
  return set;
}

function addPromQL(set: SignalSet, query: DataQuery, uid: string, lookups: GrafanaLookups, scopedVars?: ScopedVars) {
  const raw = (query as DataQuery & { expr?: unknown }).expr;
  const expr = typeof raw === 'string' ? lookups.interpolateExpr(raw.trim(), scopedVars).trim() : '';
  if (expr === '') {
    set.skipped.push({ refId: query.refId, reason: 'it has no expression' });
  } else if (set.source !== undefined && set.source !== uid) {
    set.skipped.push({ refId: query.refId, reason: `it runs on another Prometheus (${uid}); a link carries one` });
  } else {
    set.source = uid;
    if (!set.exprs.includes(expr)) {
      set.exprs.push(expr);
    }
  }
}
