import { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import type { InfraDriftQuery, SignalQuery } from '../types';

/** Characters RE2 reads as syntax; a multi-value is matched with `=~`, so each value must match literally. */
const REGEX_SYNTAX = /[$^*{}[\]+?.()|]/g;

/**
 * A variable's value inside PromQL, by the rules of Grafana's own Prometheus data source: a single
 * value goes in as it is, except that backslashes and single quotes are escaped for the string
 * literal (so `10.0.0.1:9100` stays `10.0.0.1:9100`); a multi-value or "include All" variable is meant
 * for `=~`/`!~`, so each value is regex-escaped (the escaping backslash doubled for the string literal)
 * and several values become an alternation `(a|b)`. A custom "All" value (e.g. `.*`) never reaches
 * this function: Grafana inserts it as it is.
 */
export function promqlVariableFormat(value: unknown, variable?: { multi?: boolean; includeAll?: boolean }): string {
  if (!variable?.multi && !variable?.includeAll) {
    return typeof value === 'string' ? value.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'") : String(value);
  }
  const escape = (v: unknown) => String(v).replace(/\\/g, '\\\\\\\\').replace(REGEX_SYNTAX, '\\\\$&');
  if (!Array.isArray(value)) {
    return escape(value);
  }
  return value.length === 1 ? escape(value[0]) : `(${value.map(escape).join('|')})`;
}

/**
 * Built-ins that depend on the step and range: left for the source data source to fill in, because
 * it runs the signal on InfraDrift's own grid (its step and range differ from the dashboard's).
 */
const SOURCE_BUILT_INS = [
  '__interval',
  '__interval_ms',
  '__rate_interval',
  '__rate_interval_ms',
  '__range',
  '__range_s',
  '__range_ms',
];

function withoutSourceBuiltIns(scopedVars: ScopedVars): ScopedVars {
  const rest = { ...scopedVars };
  SOURCE_BUILT_INS.forEach((name) => delete rest[name]);
  return rest;
}

/**
 * Replaces `$variables` in every text field of a query (expressions, legends, names of targets,
 * confounders and pairs, and the source data source uid), as Grafana's own data sources do.
 * Expressions follow the Prometheus data source's rules (`promqlVariableFormat`); `$__interval`,
 * `$__rate_interval` and `$__range` reach the source data source untouched.
 */
export function interpolateQuery(
  query: InfraDriftQuery,
  templateSrv: TemplateSrv,
  scopedVars: ScopedVars = {}
): InfraDriftQuery {
  const vars = withoutSourceBuiltIns(scopedVars);
  const r = (text: string | undefined) => (text === undefined ? undefined : templateSrv.replace(text, vars));
  const signals = query.signals.map((s): SignalQuery => ({
    ...s,
    expr: templateSrv.replace(s.expr, vars, promqlVariableFormat),
    legendFormat: r(s.legendFormat),
    by: s.by?.map((l) => r(l)!),
    baselineJson: r(s.baselineJson),
    datasource: s.datasource?.uid ? { ...s.datasource, uid: r(s.datasource.uid) } : s.datasource,
  }));
  const a = query.analysis;
  return {
    ...query,
    signals,
    analysis: {
      ...a,
      target: r(a.target),
      confounders: a.confounders.map((c) => r(c)!),
      pairs: a.pairs?.map(([x, y]) => [r(x)!, r(y)!] as [string, string]),
    },
  };
}
