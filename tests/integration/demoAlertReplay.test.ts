/**
 * @jest-environment node
 *
 * The demo's cache-miss/drift alert as the demo page replays it over the backfilled history, for a
 * demo started at 21:15 UTC: there the data-drift campaign steps up while the miss ratio follows its
 * ordinary daily rise, and a 30-minute window lines the two up (r >= 0.8 for about 6 minutes). With a
 * gate on the drift alone the rule fired there; gated on both sides it does not, and the storm of the
 * same history still fires at every phase of the page's steps. `npx tsx scripts/demo/alertSweep.ts`
 * runs the same replay over a day of start times.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildAlertRules } from '../../src/alerting';
import { replayDemoAlert } from '../../sandbox/demo/alertReplay';
import { cacheDriftRule, DEMO_DATASOURCE_UID, DEMO_OPTIONS } from '../support/alertingScenario';
import { prometheusAvailable } from '../support/prometheusServer';

jest.setTimeout(180_000);

const ALERT = 'InfraDriftCorrelationCacheMissesMoveWithUserTenureDaysDrift';
const ANCHOR = Date.parse('2026-11-20T21:15:30Z');

beforeAll(() => {
  if (!prometheusAvailable()) {
    throw new Error('prometheus/promtool not found: run scripts/setup.sh (Debian package "prometheus")');
  }
});

async function replay(ruleFile?: string) {
  const out = await replayDemoAlert({
    anchor: ANCHOR,
    alert: ALERT,
    scenarios: ['cache-eviction-storm', 'data-drift'],
    ruleFile,
  });
  return Object.fromEntries(out.map((r) => [r.scenario, r]));
}

it('gated on the drift alone, the rule fires during genuine data drift at this start time (the trap is real)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-replay-test-'));
  try {
    const built = buildAlertRules({
      datasource: { uid: DEMO_DATASOURCE_UID },
      rules: [{ ...cacheDriftRule(), gate: { side: 'b', atLeast: DEMO_OPTIONS.driftGate } }],
    });
    if (!built.ok) {
      throw new Error(JSON.stringify(built.problems));
    }
    const file = path.join(dir, 'drift-gate-only.rules.yml');
    fs.writeFileSync(file, built.prometheusRuleFile);
    const r = await replay(file);
    expect(r['data-drift'].firedPhases).toBe(r['data-drift'].phases);
    expect(r['cache-eviction-storm'].firedPhases).toBe(r['cache-eviction-storm'].phases);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it("the demo's rule (both sides gated) fires in the storm at every phase and never during the data drift", async () => {
  const r = await replay();
  expect(r['cache-eviction-storm'].firedPhases).toBe(r['cache-eviction-storm'].phases);
  expect(r['data-drift'].trueSteps).toBe(0);
  expect(r['data-drift'].firedPhases).toBe(0);
});
