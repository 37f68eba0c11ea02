/**
 * The lookups the mappings need, answered by Grafana's own services at the moment a menu is built:
 * a `${ds}` variable resolves to the data source the dashboard uses now, and dashboard variables in an
 * expression take their current values. A link is read later and elsewhere (the incident page, a
 * bookmark), where neither the dashboard nor its variables exist, so both are settled here.
 */
import { ScopedVars } from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import { GrafanaLookups } from './querySignals';

/** A regex metacharacter inside a PromQL string literal: escaped for the regex, and the escape for the string. */
function promqlRegexEscape(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}]/g, '\\\\$&');
}

/**
 * Values as Grafana's Prometheus data source writes them into PromQL: one value of a single-value
 * variable as is; values of a multi-value or "All" variable regex-escaped and joined as `(a|b)`.
 */
export function promqlVariableFormat(value: unknown): string {
  if (!Array.isArray(value)) {
    return String(value);
  }
  const escaped = value.map((v) => promqlRegexEscape(String(v)));
  return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
}

export function grafanaLookups(): GrafanaLookups {
  return {
    resolveDataSource(ref) {
      // The replacement (`@grafana/runtime/unstable`) is not in every Grafana the app supports (>= 12.3).
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      const settings = getDataSourceSrv().getInstanceSettings(ref);
      return settings ? { type: settings.type, uid: settings.uid } : undefined;
    },
    interpolateExpr(expr: string, scopedVars?: ScopedVars) {
      return getTemplateSrv().replace(expr, scopedVars, promqlVariableFormat);
    },
    dashboardVariables() {
      const out: Record<string, string[]> = {};
      for (const v of getTemplateSrv().getVariables()) {
        const value = (v as { current?: { value?: unknown } }).current?.value;
        if (value !== undefined && value !== null) {
          out[v.name] = [value].flat().map(String);
        }
      }
      return out;
    },
  };
}
