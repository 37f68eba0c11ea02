/**
 * The alerting module's entry point: thresholds on pairs (or drift) → a Prometheus rule file, a
 * Grafana provisioning file, and what Grafana's alert form takes from a panel. YAML is written by the
 * `yaml` package from plain objects, never by joining strings, so every value is quoted as needed.
 */
import { stringify } from 'yaml';
import { AlertForm, alertForm } from './alertForm';
import { buildRule, BuiltRule } from './buildRule';
import { slug } from './names';
import { GrafanaProvisioning, grafanaProvisioning, GrafanaTarget } from './grafanaRules';
import { AlertInputError, AlertProblem } from './problems';
import { prometheusGroups, PrometheusRuleGroup } from './prometheusRules';
import { wellFormed } from './promql/literals';
import { AlertRequest, DEFAULTS } from './spec';

export interface BuiltAlert {
  name: string;
  alertName: string;
  /** Names of the series the rule records (each adds one series per label set). */
  records: string[];
  /** The value (r or drift score) as self-contained PromQL. */
  promql: string;
  /** The alert condition as it stands in the rule file. */
  alertExpr: string;
  thresholdText: string;
  alertForm: AlertForm;
}

export type AlertBuild =
  | {
      ok: true;
      /** Prometheus rule file (YAML). */
      prometheusRuleFile: string;
      /** Grafana alerting provisioning file (YAML). */
      grafanaProvisioning: string;
      /** The same as objects, for callers that merge or inspect. */
      prometheusGroups: PrometheusRuleGroup[];
      grafana: GrafanaProvisioning;
      alerts: BuiltAlert[];
      notices: string[];
    }
  | { ok: false; problems: AlertProblem[] };

const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

function target(request: AlertRequest): GrafanaTarget {
  const uid = request.datasource?.uid;
  if (typeof uid !== 'string' || !uid.trim()) {
    throw new AlertInputError('datasource.uid (the Prometheus data source in Grafana) is required');
  }
  const orgId = request.orgId ?? DEFAULTS.orgId;
  if (!Number.isInteger(orgId) || orgId < 1) {
    throw new AlertInputError(`orgId must be a positive whole number, got ${String(request.orgId)}`);
  }
  return {
    uid: wellFormed(uid, 'datasource uid'),
    type: wellFormed(request.datasource.type ?? 'prometheus', 'datasource type'),
    folder: wellFormed(request.folder ?? DEFAULTS.folder, 'folder'),
    orgId,
  };
}

function problem(error: unknown, rule: string): AlertProblem {
  if (error instanceof AlertInputError) {
    return {
      code: error.code,
      rule,
      message: error.message,
      ...(error.suggestion ? { suggestion: error.suggestion } : {}),
    };
  }
  // A request of the wrong shape (e.g. from JSON) can fail anywhere: still a message, not a crash.
  return {
    code: 'invalid',
    rule,
    message: `rule ${rule}: malformed request (${error instanceof Error ? error.message : String(error)})`,
  };
}

/**
 * Builds every rule of the request. Never throws on bad input: each problem comes back with the rule
 * it belongs to, and nothing is written unless every rule builds.
 */
export function buildAlertRules(request: AlertRequest): AlertBuild {
  const problems: AlertProblem[] = [];
  let grafanaTarget: GrafanaTarget | undefined;
  try {
    grafanaTarget = target(request);
  } catch (error) {
    problems.push(problem(error, '(request)'));
  }
  const specs = Array.isArray(request?.rules) ? request.rules : [];
  if (specs.length === 0) {
    problems.push({ code: 'invalid', rule: '(request)', message: 'rules must list at least one rule' });
  }
  const built: BuiltRule[] = [];
  const seen = new Map<string, string>();
  specs.forEach((spec, i) => {
    const label = typeof spec?.name === 'string' && spec.name ? spec.name : `#${i + 1}`;
    try {
      // Names first, so a clash is reported even when either rule has other problems.
      const name = typeof spec?.name === 'string' ? slug(spec.name) : undefined;
      const other = name === undefined ? undefined : seen.get(name);
      if (name !== undefined && other === undefined) {
        seen.set(name, label);
      }
      if (other !== undefined) {
        throw new AlertInputError(
          `rule ${label}: its series would be named like those of rule ${other} (${name}); give it another name`
        );
      }
      built.push(buildRule(spec, i));
    } catch (error) {
      problems.push(problem(error, label));
    }
  });
  if (problems.length > 0 || !grafanaTarget) {
    return { ok: false, problems };
  }
  const groups = prometheusGroups(built);
  const grafana = grafanaProvisioning(built, grafanaTarget);
  return {
    ok: true,
    prometheusRuleFile: stringify({ groups }, YAML_OPTIONS),
    grafanaProvisioning: stringify(grafana, YAML_OPTIONS),
    prometheusGroups: groups,
    grafana,
    alerts: built.map((rule) => ({
      name: rule.spec.name,
      alertName: rule.names.alert,
      records: rule.records.map((r) => r.record),
      promql: rule.adhocExpr,
      alertExpr: rule.alertExpr,
      thresholdText: rule.thresholdText,
      alertForm: alertForm(rule, grafanaTarget!),
    })),
    notices: built.flatMap((rule) => rule.notices),
  };
}
