/**
 * @jest-environment node
 *
 * The demo's cache-miss/drift alert as the demo page replays it over the backfilled history, for a
 * demo started at 21:15 UTC: there the data-drift campaign steps up while the miss ratio follows its
 * ordinary daily rise, and a 30-minute window lines the two up (r >= 0.8 for about 6 minutes). With a
 * gate on the drift alone the rule fired there; gated on both sides it does not, and the storm of the
 * same history still fires at every phase of the page's steps. `npx tsx scripts/demo/alertSweep.ts`
 * runs the same replay over a day of start times.
 *
 * The GPU thermal-throttling incident's rule, for a demo started at 02:00 UTC (the incident falls near
 * the daily traffic peak, so the GPU throttles hard enough for the shedder to act): the earlier rule,
 * GPU temperature vs session_length_seconds drift over 30 minutes, missed the incident and fired
 * during the data drift after it (its window still held the incident's fading drift); the demo's rule,
 * timeouts vs that drift over 15 minutes held 3 minutes, fires in the incident and not in the data drift.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildAlertRules, CorrelationRule } from '../../src/alerting';
import { replayDemoAlert } from '../../sandbox/demo/alertReplay';
import { timeoutSessionRule } from '../../scripts/demo/alertRules';
import type { ScenarioName } from '../../simulator/types';
import { cacheDriftRule, DEMO_DATASOURCE_UID, DEMO_OPTIONS } from '../support/alertingScenario';
import { INFRA } from '../support/scenarioQueries';
import { prometheusAvailable } from '../support/prometheusServer';

jest.setTimeout(180_000);

const ALERT = 'InfraDriftCorrelationCacheMissesMoveWithUserTenureDaysDrift';
const ANCHOR = Date.parse('2026-11-20T21:15:30Z');
const GPU_ALERT = 'InfraDriftCorrelationRequestTimeoutsMoveWithSessionLengthSecondsDrift';
const GPU_ANCHOR = Date.parse('2026-11-20T02:00:14Z');

beforeAll(() => {
  if (!prometheusAvailable()) {
    throw new Error('prometheus/promtool not found: run scripts/setup.sh (Debian package "prometheus")');
  }
});

interface Replay {
  anchor: number;
  alert: string;
  /** The incident the alert is meant for; the data-drift incident is replayed too. */
  own: ScenarioName;
}

async function replay(ruleFile?: string, opts: Replay = { anchor: ANCHOR, alert: ALERT, own: 'cache-eviction-storm' }) {
  const out = await replayDemoAlert({ ...opts, scenarios: [opts.own, 'data-drift'], ruleFile });
  return Object.fromEntries(out.map((r) => [r.scenario, r]));
}

/** Replays a rule that is not the demo's (an earlier form), written to a temporary rule file. */
async function replayRule(rule: CorrelationRule, opts?: Replay) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-replay-test-'));
  try {
    const built = buildAlertRules({ datasource: { uid: DEMO_DATASOURCE_UID }, rules: [rule] });
    if (!built.ok) {
      throw new Error(JSON.stringify(built.problems));
    }
    const file = path.join(dir, 'earlier.rules.yml');
    fs.writeFileSync(file, built.prometheusRuleFile);
    return await replay(file, opts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

it('gated on the drift alone, the rule fires during genuine data drift at this start time (the trap is real)', async () => {
  const r = await replayRule({ ...cacheDriftRule(), gate: { side: 'b', atLeast: DEMO_OPTIONS.driftGate } });
  expect(r['data-drift'].firedPhases).toBe(r['data-drift'].phases);
  expect(r['cache-eviction-storm'].firedPhases).toBe(r['cache-eviction-storm'].phases);
});

it("the demo's rule (both sides gated) fires in the storm at every phase and never during the data drift", async () => {
  const r = await replay();
  expect(r['cache-eviction-storm'].firedPhases).toBe(r['cache-eviction-storm'].phases);
  expect(r['data-drift'].trueSteps).toBe(0);
  expect(r['data-drift'].firedPhases).toBe(0);
});

describe('the GPU thermal-throttling incident (demo started at 02:00 UTC)', () => {
  const gpu = { anchor: GPU_ANCHOR, own: 'gpu-thermal-throttling' as ScenarioName };

  it('GPU temperature vs the drift over 30 minutes missed the incident and fired during the data drift after it', async () => {
    const earlier: CorrelationRule = {
      ...timeoutSessionRule(),
      name: 'GPU temperature moves with session_length_seconds drift',
      a: { kind: 'gauge', name: 'gpu_temp', expr: INFRA.find((s) => s.legendFormat === 'gpu_temp')!.expr },
      windowSeconds: 1800,
      lagSeconds: 180,
      forSeconds: DEMO_OPTIONS.forSeconds,
      gate: { side: 'b', atLeast: DEMO_OPTIONS.driftGate },
    };
    const r = await replayRule(earlier, {
      ...gpu,
      alert: 'InfraDriftCorrelationGpuTemperatureMovesWithSessionLengthSecondsDrift',
    });
    // The incident did throttle and shed: the drift passed the gate.
    expect(r['gpu-thermal-throttling'].peak.b).toBeGreaterThanOrEqual(DEMO_OPTIONS.driftGate);
    expect(r['gpu-thermal-throttling'].firedPhases).toBe(0);
    expect(r['data-drift'].firedPhases).toBe(r['data-drift'].phases);
  });

  it("the demo's rule (timeouts vs the drift, 15 minutes, both sides gated) fires in the incident and not in the data drift", async () => {
    const r = await replay(undefined, { ...gpu, alert: GPU_ALERT });
    expect(r['gpu-thermal-throttling'].firedPhases).toBe(r['gpu-thermal-throttling'].phases);
    expect(r['data-drift'].trueSteps).toBe(0);
    expect(r['data-drift'].firedPhases).toBe(0);
  });
});
