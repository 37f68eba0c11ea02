/**
 * The rule as Grafana's alert form takes it from a panel (the exposed component
 * `grafana/alerting/create-alert-from-panel/v1`): a time-series panel whose target is the user's
 * Prometheus data source with the value's PromQL (a range query, so the form previews r over time),
 * plus the threshold, `for`, labels and annotations to fill in. Plain JSON: the panels build their
 * panel model from it; the fallback modal shows the two files instead.
 */
import type { BuiltRule, GrafanaEvaluator } from './buildRule';
import { grafanaInterval, GrafanaTarget } from './grafanaRules';
import { durationLiteral } from './promql/literals';

export interface AlertFormTarget {
  refId: 'A';
  datasource: { type: string; uid: string };
  expr: string;
  range: true;
  instant: false;
  editorMode: 'code';
  legendFormat: string;
  /** Minimum step: the rule's evaluation step, so the preview shows what the rule evaluates. */
  interval: string;
}

export interface AlertForm {
  title: string;
  panel: {
    type: 'timeseries';
    title: string;
    datasource: { type: string; uid: string };
    targets: AlertFormTarget[];
    fieldConfig: { defaults: { min?: number; max?: number; decimals: number }; overrides: [] };
  };
  threshold: GrafanaEvaluator;
  /** `for` as a Prometheus duration ('0s' for none). */
  for: string;
  /** Group evaluation interval (a multiple of Grafana's 10 s base). */
  interval: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Legend text is a Grafana template without an escape: braces in names become parentheses. */
function legend(text: string): string {
  return text.replace(/[{]/g, '(').replace(/[}]/g, ')');
}

export function alertForm(rule: BuiltRule, target: GrafanaTarget): AlertForm {
  const spec = rule.spec;
  const legendText =
    spec.type === 'correlation'
      ? `r: ${spec.a.name ?? 'A'} ~ ${spec.b.name ?? 'B'}`
      : `${(spec.signal.drift?.score ?? 'ks').toUpperCase()}: ${spec.signal.name ?? 'drift'}`;
  const datasource = { type: target.type, uid: target.uid };
  return {
    title: spec.name,
    panel: {
      type: 'timeseries',
      title: spec.name,
      datasource,
      targets: [
        {
          refId: 'A',
          datasource,
          expr: rule.adhocExpr,
          range: true,
          instant: false,
          editorMode: 'code',
          legendFormat: legend(legendText),
          interval: durationLiteral(rule.stepSeconds),
        },
      ],
      fieldConfig: {
        defaults: spec.type === 'correlation' ? { min: -1, max: 1, decimals: 2 } : { min: 0, decimals: 3 },
        overrides: [],
      },
    },
    threshold: rule.evaluator,
    for: rule.forSeconds > 0 ? durationLiteral(rule.forSeconds) : '0s',
    interval: durationLiteral(grafanaInterval(rule.stepSeconds)),
    labels: rule.labels,
    annotations: rule.annotations('$values.B.Value'),
  };
}
