/**
 * @jest-environment node
 *
 * End to end: the generated rules in a real Prometheus, its alerts to Debian's Alertmanager, and
 * Alertmanager's webhook to a receiver this test serves. Two Prometheus servers run side by side,
 * each with one scenario's history cut in the middle of its incident and moved so that moment is now
 * (rules evaluate at the wall clock); their external label `scenario` tells the alerts apart:
 *   - cache eviction storm: "cache misses move with feature drift" arrives, labels and annotations intact;
 *   - genuine data drift: the drift alert arrives (the drift is real) but the correlation alert does
 *     not: the miss ratio does not move with it. r is computed there, so the silence is not vacuous.
 * The recording rules are backfilled over the last window with promtool before the rules go live.
 */
import fs from 'fs';
import path from 'path';
import { buildAlertRules } from '../../src/alerting';
import { simulate } from '../../simulator/simulate';
import {
  alertmanagerAvailable,
  RunningAlertmanager,
  startAlertmanager,
  startWebhook,
  Webhook,
} from '../support/alertmanagerServer';
import { cacheDriftRule, DEMO_OPTIONS, demoRequest, FEATURE, featureDriftRule } from '../support/alertingScenario';
import { httpGet } from '../support/daemon';
import { prometheusAvailable } from '../support/prometheusServer';
import { RulePrometheus, startRulePrometheus } from '../support/rulePrometheus';
import { historyEndingAt } from '../support/shiftedHistory';

jest.setTimeout(240_000);

const MINUTE = 60_000;
/** A fixed simulated range, so both runs are reproducible; only its placement in wall time moves. */
const SIM_END = Date.UTC(2026, 0, 12, 6, 0, 0);
const SCENARIOS = ['cache-eviction-storm', 'data-drift'] as const;
type Scenario = (typeof SCENARIOS)[number];

let webhook: Webhook;
let alertmanager: RunningAlertmanager;
const proms = new Map<Scenario, RulePrometheus>();
const options = (scenarioBaseline: { from: number; to: number }) => ({
  ...DEMO_OPTIONS,
  // Live evaluation runs at the wall clock: no waiting out `for` here (alerting.scenarios.test.ts
  // applies the real `for` over whole incidents).
  forSeconds: 0,
  // The test's history is hours, not a day: compare with a fixed healthy range before the incident.
  baseline: { kind: 'fixed' as const, ...scenarioBaseline },
});
const ruleNames = { correlation: '', drift: '', r: '' };

async function run(scenario: Scenario): Promise<void> {
  const sim = simulate({ scenario, hours: 6, end: SIM_END, stepSeconds: 60 });
  const incident = sim.truth.incidents[0];
  // The same moment of both incidents: 35 minutes in.
  const history = historyEndingAt(sim, incident.start + 35 * MINUTE, Date.now() - MINUTE);
  const start = incident.start + history.shiftMs;
  const o = options({ from: start - 120 * MINUTE, to: start - 30 * MINUTE });
  const built = buildAlertRules({ ...demoRequest(o), rules: [cacheDriftRule(o), featureDriftRule(o)] });
  if (!built.ok) {
    throw new Error(JSON.stringify(built.problems));
  }
  ruleNames.correlation = built.alerts[0].alertName;
  ruleNames.drift = built.alerts[1].alertName;
  ruleNames.r = built.alerts[0].records[3];
  const prom = await startRulePrometheus([history]);
  proms.set(scenario, prom);
  const file = path.join(prom.dir, 'alerting.rules.yml');
  fs.writeFileSync(file, built.prometheusRuleFile);
  const end = history.timestamps[history.timestamps.length - 1] / 1000;
  await prom.backfillRules(file, end - o.windowSeconds - 10 * 60, end, {
    rules: [built.prometheusRuleFile],
    alertmanagerUrl: alertmanager.url,
    externalLabels: { scenario },
    resendDelay: '2s',
  });
}

beforeAll(async () => {
  if (!prometheusAvailable() || !alertmanagerAvailable()) {
    throw new Error('prometheus, promtool or prometheus-alertmanager not found: run scripts/setup.sh');
  }
  webhook = await startWebhook();
  alertmanager = await startAlertmanager(webhook.url, ['alertname', 'scenario']);
  await Promise.all(SCENARIOS.map(run));
});

afterAll(async () => {
  await Promise.all([...proms.values()].map((p) => p.stop()));
  await alertmanager?.stop();
  await webhook?.stop();
});

/** The correlation rule as Prometheus reports it, and r now. */
async function correlationState(scenario: Scenario) {
  const prom = proms.get(scenario)!;
  const rules = JSON.parse((await httpGet(`${prom.url}api/v1/rules`)).body).data.groups.flatMap(
    (g: { rules: unknown[] }) => g.rules
  );
  const rule = rules.find((r: { name: string }) => r.name === ruleNames.correlation);
  const [r] = await prom.query(ruleNames.r, Date.now() / 1000);
  return { rule, r: r?.value };
}

it('cache eviction storm: the correlation alert reaches the webhook with its labels and annotations', async () => {
  const alert = await webhook.waitFor(
    (a) => a.labels.alertname === ruleNames.correlation && a.labels.scenario === 'cache-eviction-storm',
    60_000
  );
  const { r } = await correlationState('cache-eviction-storm');
  console.log(`cache eviction storm: r now = ${r?.toFixed(3)}; alert ${alert.labels.alertname} received`);
  expect(alert.status).toBe('firing');
  expect(alert.labels).toEqual({
    alertname: ruleNames.correlation,
    severity: 'warning',
    team: 'ml-platform',
    infradrift_rule: `cache_misses_move_with_${FEATURE}_drift`,
    scenario: 'cache-eviction-storm',
  });
  expect(alert.annotations.summary).toMatch(
    new RegExp(`^cache_miss_ratio moves with feature drift \\(${FEATURE}\\) \\(r = 0\\.\\d\\d over 30m\\)$`)
  );
  expect(Number(/r = (0\.\d\d)/.exec(alert.annotations.summary)![1])).toBeGreaterThanOrEqual(DEMO_OPTIONS.threshold);
  expect(alert.annotations.description).toContain(`with cache_miss_ratio leading feature drift (${FEATURE}) by 3m`);
  expect(alert.annotations.runbook).toBe('Check the feature cache (size, eviction rate) before retraining.');
});

it('genuine data drift: the drift alert arrives, the cache correlation alert does not', async () => {
  await webhook.waitFor((a) => a.labels.alertname === ruleNames.drift && a.labels.scenario === 'data-drift', 60_000);
  // Let the correlation rule evaluate once more, then give Alertmanager its group wait and a resend.
  const since = Date.now();
  for (;;) {
    const { rule } = await correlationState('data-drift');
    if (rule && Date.parse(rule.lastEvaluation) > since) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const { rule, r } = await correlationState('data-drift');
  console.log(`data drift: r now = ${r?.toFixed(3)}; correlation rule ${rule.state}, health ${rule.health}`);
  expect(rule.health).toBe('ok');
  expect(rule.state).toBe('inactive');
  expect(r).toBeDefined();
  expect(
    webhook.alerts.filter((a) => a.labels.scenario === 'data-drift' && a.labels.alertname === ruleNames.correlation)
  ).toEqual([]);
});
