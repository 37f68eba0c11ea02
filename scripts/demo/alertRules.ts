/**
 * The demo's alert rules, written by src/alerting from the demo's request: one Prometheus rule file
 * (demo/rules/infradrift.rules.yml, loaded by both demo Prometheus servers) and Grafana-managed rules
 * (provisioning/alerting/infradrift.yaml, on the provisioned Prometheus data source).
 *
 *   npx tsx scripts/demo/alertRules.ts          # rewrite both files
 *   npx tsx scripts/demo/alertRules.ts --check  # exit 1 when a committed file differs
 *
 * tests/unit/provisioning.test.ts runs the check too, so the committed files follow the module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AlertRequest, buildAlertRules, CorrelationRule } from '../../src/alerting';
import { LAGS } from '../../simulator/model/config';
import {
  cacheDriftRule,
  DEMO_DATASOURCE_UID,
  DEMO_OPTIONS,
  DemoOptions,
  featureDriftRule,
} from '../../tests/support/alertingScenario';
import { INFRA } from '../../tests/support/scenarioQueries';

const ROOT = path.resolve(__dirname, '..', '..');
export const DEMO_RULE_FILE = path.join(ROOT, 'demo', 'rules', 'infradrift.rules.yml');
export const DEMO_GRAFANA_RULES = path.join(ROOT, 'provisioning', 'alerting', 'infradrift.yaml');
/** The compose Grafana's dashboard, linked from every alert's annotations. */
const DASHBOARD_URL = 'http://localhost:3000/d/infradrift-ml-service';

const SESSION_FEATURE = 'session_length_seconds';

/**
 * GPU temperature moves with the drift of session_length_seconds: hot GPUs slow inference, requests
 * time out, the shedder skips session enrichment. Temperature leads by the clock's reaction plus the
 * shedder's.
 */
export function gpuSessionRule(o: DemoOptions = DEMO_OPTIONS): CorrelationRule {
  const cache = cacheDriftRule(o);
  const drift = cache.b;
  return {
    ...cache,
    name: `GPU temperature moves with ${SESSION_FEATURE} drift`,
    a: { kind: 'gauge', name: 'gpu_temp', expr: INFRA.find((s) => s.legendFormat === 'gpu_temp')!.expr },
    b:
      drift.kind === 'histogram'
        ? { ...drift, name: `feature drift (${SESSION_FEATURE})`, select: { feature: SESSION_FEATURE } }
        : drift,
    lagSeconds: LAGS.tempToClockSeconds + LAGS.timeoutToShedSeconds,
    // The cache rule's miss-ratio level means nothing for a temperature: gate on the drift alone.
    gate: { side: 'b', atLeast: o.driftGate },
    annotations: { runbook: 'Check the GPU node cooling and the load shedder before retraining.' },
  };
}

export function demoAlertRequest(): AlertRequest {
  const o = { ...DEMO_OPTIONS, dashboardUrl: DASHBOARD_URL };
  return {
    datasource: { uid: DEMO_DATASOURCE_UID },
    rules: [cacheDriftRule(o), gpuSessionRule(o), featureDriftRule(o)],
  };
}

const HEADER = '# Written by scripts/demo/alertRules.ts from src/alerting: do not edit, run the script.\n';

/** The two files' contents, keyed by path. */
export function demoAlertFiles(): Record<string, string> {
  const out = buildAlertRules(demoAlertRequest());
  if (!out.ok) {
    throw new Error(`the demo's alert request is refused: ${JSON.stringify(out.problems)}`);
  }
  return { [DEMO_RULE_FILE]: HEADER + out.prometheusRuleFile, [DEMO_GRAFANA_RULES]: HEADER + out.grafanaProvisioning };
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, content] of Object.entries(demoAlertFiles())) {
    const rel = path.relative(ROOT, file);
    if (check) {
      const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content;
      stale += same ? 0 : 1;
      process.stdout.write(`${same ? 'up to date' : 'STALE'}: ${rel}\n`);
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      process.stdout.write(`wrote ${rel}\n`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
