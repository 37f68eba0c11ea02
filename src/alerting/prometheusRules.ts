/**
 * The Prometheus rule file (also what Mimir's and Thanos' rulers load, and what Grafana 12+ imports
 * as data source-managed rules). One group per rule: its recording rules, then its alert, so every
 * rule of the group is evaluated at the same timestamp and the alert reads this evaluation's r.
 */
import type { BuiltRule } from './buildRule';
import { durationLiteral } from './promql/literals';

export interface PrometheusRule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface PrometheusRuleGroup {
  name: string;
  interval: string;
  rules: PrometheusRule[];
}

export function prometheusGroups(built: BuiltRule[]): PrometheusRuleGroup[] {
  return built.map((rule) => ({
    name: rule.names.group,
    interval: durationLiteral(rule.stepSeconds),
    rules: [
      ...rule.records.map((r) => ({ record: r.record, expr: r.expr })),
      {
        alert: rule.names.alert,
        expr: rule.alertExpr,
        ...(rule.forSeconds > 0 ? { for: durationLiteral(rule.forSeconds) } : {}),
        labels: rule.labels,
        annotations: rule.annotations('$value'),
      },
    ],
  }));
}
