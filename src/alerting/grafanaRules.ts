/**
 * Grafana-managed alert rules as a provisioning file (`provisioning/alerting/*.yaml`, the file format
 * of Grafana's `pkg/services/provisioning/alerting/rules_types.go`, not the HTTP API's JSON). Each
 * rule is query → reduce → threshold on the user's Prometheus data source:
 *   A  instant PromQL of the value (the ad hoc subquery form: it needs no recording rules),
 *   B  reduce A to its last value, dropping NaN,
 *   C  threshold on B, the rule's condition.
 * No data (a constant side, too few samples) is OK, not an alert: r simply does not exist then.
 */
import type { BuiltRule } from './buildRule';
import { AlertInputError } from './problems';
import { durationLiteral, wellFormed } from './promql/literals';
import { DEFAULTS } from './spec';

export const EXPRESSION_UID = '__expr__';

export interface GrafanaQuery {
  refId: string;
  relativeTimeRange: { from: number; to: number };
  datasourceUid: string;
  model: Record<string, unknown>;
}

export interface GrafanaRule {
  uid: string;
  title: string;
  condition: string;
  data: GrafanaQuery[];
  for: string;
  noDataState: 'OK' | 'NoData' | 'Alerting';
  execErrState: 'Error' | 'Alerting' | 'OK';
  annotations: Record<string, string>;
  labels: Record<string, string>;
  isPaused: boolean;
}

export interface GrafanaGroup {
  orgId: number;
  name: string;
  folder: string;
  interval: string;
  rules: GrafanaRule[];
}

export interface GrafanaProvisioning {
  apiVersion: 1;
  groups: GrafanaGroup[];
}

export interface GrafanaTarget {
  uid: string;
  type: string;
  folder: string;
  orgId: number;
}

const TITLE_MAX = 190;

/** Grafana evaluates groups on multiples of its base interval (10 s). */
export function grafanaInterval(stepSeconds: number): number {
  const base = DEFAULTS.grafanaBaseIntervalSeconds;
  return Math.max(base, Math.ceil(stepSeconds / base - 1e-9) * base);
}

function title(text: string): string {
  // Titles are shown, not templated; control characters would only garble the UI.
  const t = wellFormed(text, 'rule name')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  if (!t) {
    throw new AlertInputError('rule name is empty');
  }
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
}

function expression(refId: string, model: Record<string, unknown>): GrafanaQuery {
  return {
    refId,
    relativeTimeRange: { from: 0, to: 0 },
    datasourceUid: EXPRESSION_UID,
    model: { refId, datasource: { type: EXPRESSION_UID, uid: EXPRESSION_UID }, ...model },
  };
}

/** How far back the query reaches: the window plus any lag, for Grafana's query range. */
function lookbackSeconds(rule: BuiltRule): number {
  const spec = rule.spec;
  if (spec.type === 'correlation') {
    return spec.windowSeconds + Math.abs(spec.lagSeconds ?? 0);
  }
  return spec.signal.drift?.windowSeconds ?? rule.stepSeconds;
}

export function grafanaRule(rule: BuiltRule, target: GrafanaTarget): GrafanaRule {
  const annotations = rule.annotations('$values.B.Value');
  const link = rule.spec.dashboard;
  if (link?.uid) {
    annotations.__dashboardUid__ = wellFormed(link.uid, 'dashboard uid');
    if (link.panelId !== undefined) {
      if (!Number.isInteger(link.panelId)) {
        throw new AlertInputError(`dashboard panelId must be a whole number, got ${link.panelId}`);
      }
      annotations.__panelId__ = String(link.panelId);
    }
  }
  return {
    uid: rule.names.grafanaUid,
    title: title(rule.spec.name),
    condition: 'C',
    data: [
      {
        refId: 'A',
        relativeTimeRange: { from: Math.ceil(lookbackSeconds(rule)), to: 0 },
        datasourceUid: target.uid,
        model: {
          refId: 'A',
          datasource: { type: target.type, uid: target.uid },
          editorMode: 'code',
          expr: rule.adhocExpr,
          instant: true,
          range: false,
          intervalMs: rule.stepSeconds * 1000,
          maxDataPoints: 43200,
        },
      },
      expression('B', { type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } }),
      expression('C', { type: 'threshold', expression: 'B', conditions: [{ evaluator: rule.evaluator }] }),
    ],
    for: rule.forSeconds > 0 ? durationLiteral(rule.forSeconds) : '0s',
    noDataState: 'OK',
    execErrState: 'Error',
    annotations,
    labels: rule.labels,
    isPaused: false,
  };
}

export function grafanaProvisioning(built: BuiltRule[], target: GrafanaTarget): GrafanaProvisioning {
  return {
    apiVersion: 1,
    groups: built.map((rule) => ({
      orgId: target.orgId,
      name: rule.names.group,
      folder: target.folder,
      interval: durationLiteral(grafanaInterval(rule.stepSeconds)),
      rules: [grafanaRule(rule, target)],
    })),
  };
}
