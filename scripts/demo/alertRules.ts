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
import { LAGS, SERVICE } from '../../simulator/model/config';
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
 * Request timeouts move with the drift of session_length_seconds: the load shedder skips session
 * enrichment (the feature defaults to 0) while the previous minute's timeout ratio is above 1 %, so
 * the timeouts lead the drift by the shedder's reaction. This is the GPU thermal-throttling incident's
 * link to the data, and the one worth a page: the temperature only reaches the data through the SM
 * clock and a deadline, a threshold chain (nothing below 84 °C, shedding from about 90 °C), so r of
 * temperature and drift stays under 0.8 while the temperature climbs, and a 30-minute window still
 * held the incident's fading drift when the next incident began (it fired during data drift). The
 * timeout ratio is linear in what is shed.
 *
 * Gates from the signals' normal range over a whole day: timeouts stay below 0.05 % at every hour
 * outside thermal throttling, and the shedder acts from 1 %; the drift gate is the cache rule's. A
 * 15-minute window: shedding past 15 % lasts 5-16 minutes, and a longer window keeps its tail in r after
 * the incident (`npx tsx scripts/demo/alertSweep.ts --alert ... --incident gpu-thermal-throttling`).
 * Held 3 minutes, not 5: the shedding comes at the incident's end (the temperature peaks as the
 * cooling returns) and lasts 5-16 minutes inside it, and the long hold is there against quiet series
 * lining up by chance, which the timeout gate (never reached outside throttling) already rules out.
 */
export function timeoutSessionRule(o: DemoOptions = DEMO_OPTIONS): CorrelationRule {
  const cache = cacheDriftRule(o);
  const drift = cache.b;
  return {
    ...cache,
    name: `Request timeouts move with ${SESSION_FEATURE} drift`,
    a: { kind: 'gauge', name: 'timeout_ratio', expr: INFRA.find((s) => s.legendFormat === 'timeout_ratio')!.expr },
    b:
      drift.kind === 'histogram'
        ? { ...drift, name: `feature drift (${SESSION_FEATURE})`, select: { feature: SESSION_FEATURE } }
        : drift,
    windowSeconds: 900,
    forSeconds: 180,
    lagSeconds: LAGS.timeoutToShedSeconds,
    gate: [
      { side: 'a', atLeast: SERVICE.shedTimeoutThreshold },
      { side: 'b', atLeast: o.driftGate },
    ],
    annotations: {
      runbook:
        'Timeouts make the load shedder skip session enrichment. Check GPU temperature and SM clock (thermal throttling) and inference latency before retraining.',
    },
  };
}

export function demoAlertRequest(): AlertRequest {
  const o = { ...DEMO_OPTIONS, dashboardUrl: DASHBOARD_URL };
  return {
    datasource: { uid: DEMO_DATASOURCE_UID },
    rules: [cacheDriftRule(o), timeoutSessionRule(o), featureDriftRule(o)],
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
