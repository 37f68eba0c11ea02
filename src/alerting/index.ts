/**
 * Alerting: a threshold on the correlation of a pair, or on a histogram's drift, as Prometheus rules
 * and Grafana-managed alert rules (docs/alerting.md). Pure TypeScript: no Grafana, React or DOM.
 */
export { buildAlertRules, type AlertBuild, type BuiltAlert } from './buildAlertRules';
export type { AlertForm, AlertFormTarget } from './alertForm';
export type { GrafanaEvaluator } from './buildRule';
export { alertSignalFrom, type FromSignalOptions, type SignalDefinition } from './fromSignal';
export type { GrafanaProvisioning, GrafanaRule } from './grafanaRules';
export type { AlertProblem, AlertProblemCode } from './problems';
export type { PrometheusRuleGroup } from './prometheusRules';
export { parseDuration } from './promql/literals';
export * from './spec';
