/**
 * @jest-environment node
 *
 * The demo's correlation rule over whole incidents, as Prometheus evaluates it: the recording rules
 * are backfilled with promtool over each incident (two passes), then the alert condition is read at every
 * evaluation of the group and `for` is applied as Prometheus applies it (firing once the condition
 * has held at every evaluation for `for`). During a cache eviction storm it fires, within the first
 * 45 minutes; during genuine data drift (the drift is real: its own KS rule is well above the gate)
 * it never does. Three seeds each. The live path to Alertmanager is alerting.alertmanager.test.ts.
 */
import fs from 'fs';
import path from 'path';
import { buildAlertRules } from '../../src/alerting';
import { simulate } from '../../simulator/simulate';
import { cacheDriftRule, DEMO_OPTIONS, featureDriftRule } from '../support/alertingScenario';
import { prometheusAvailable } from '../support/prometheusServer';
import { startRulePrometheus } from '../support/rulePrometheus';

jest.setTimeout(300_000);

const MINUTE = 60_000;
const SIM_END = Date.UTC(2026, 0, 12, 6, 0, 0);
const S = DEMO_OPTIONS.stepSeconds;

interface Scan {
  /** Minutes after the incident start at which the alert fires (null: never). */
  firesAt: number | null;
  /** Longest stretch the condition held, minutes. */
  longestMinutes: number;
  maxR: number;
  maxDrift: number;
}

async function scan(scenario: 'cache-eviction-storm' | 'data-drift', seed: number): Promise<Scan> {
  const sim = simulate({ scenario, hours: 6, end: SIM_END, stepSeconds: 60, seed });
  const incident = sim.truth.incidents[0];
  // Hours of history, not a day: the drift baseline is a fixed healthy range before the incident.
  const o = {
    ...DEMO_OPTIONS,
    baseline: { kind: 'fixed' as const, from: incident.start - 120 * MINUTE, to: incident.start - 30 * MINUTE },
  };
  const built = buildAlertRules({ datasource: { uid: 'prom' }, rules: [cacheDriftRule(o), featureDriftRule(o)] });
  if (!built.ok) {
    throw new Error(JSON.stringify(built.problems));
  }
  const prom = await startRulePrometheus([sim]);
  try {
    const file = path.join(prom.dir, 'rules.yml');
    fs.writeFileSync(file, built.prometheusRuleFile);
    const from = incident.start / 1000 - 45 * 60;
    const to = Math.min(incident.end / 1000 + 3600, SIM_END / 1000);
    // Two passes, as docs/alerting.md says: promtool evaluates every rule against the server, so
    // `:r` (which reads `:a`, `:b`, `:ab`) only computes once the first pass's blocks are loaded.
    await prom.backfillRules(file, from, to);
    await prom.backfillRules(file, from, to);
    // The group's own evaluation times: where its recorded samples sit.
    const [sample] = await prom.query(`timestamp(${built.alerts[0].records[0]})`, to);
    const start = from + o.windowSeconds + (sample.value % S);
    const condition = built.alerts[0].alertExpr;
    const holds = new Set(
      (await prom.queryRange(condition, start, to, S))[0]?.values.map(([t]) => Math.round((t - start) / S)) ?? []
    );
    const r = (await prom.queryRange(built.alerts[0].records[3], start, to, S))[0]?.values.map(([, v]) => v) ?? [];
    const drift = (await prom.queryRange(built.alerts[1].promql, start, to, S))[0]?.values.map(([, v]) => v) ?? [];
    let run = 0;
    let longest = 0;
    let firesAt: number | null = null;
    for (let k = 0; k <= (to - start) / S; k++) {
      run = holds.has(k) ? run + 1 : 0;
      longest = Math.max(longest, run);
      // Pending at the first evaluation that holds, firing once (run − 1)·S ≥ for.
      if (firesAt === null && run > 0 && (run - 1) * S >= o.forSeconds) {
        firesAt = (start + k * S - incident.start / 1000) / 60;
      }
    }
    return { firesAt, longestMinutes: (longest * S) / 60, maxR: Math.max(...r), maxDrift: Math.max(...drift) };
  } finally {
    await prom.stop();
  }
}

beforeAll(() => {
  if (!prometheusAvailable()) {
    throw new Error('prometheus/promtool not found: run scripts/setup.sh (Debian package "prometheus")');
  }
});

const log: string[] = [];
afterAll(() =>
  console.log(
    `demo rule (r >= ${DEMO_OPTIONS.threshold} while KS >= ${DEMO_OPTIONS.driftGate} and miss ratio >= ${DEMO_OPTIONS.missGate}, for ${DEMO_OPTIONS.forSeconds / 60}m) over whole incidents:\n${log.join('\n')}`
  )
);

it.each([1, 2, 3])('cache eviction storm, seed %i: fires within the first 45 minutes', async (seed) => {
  const s = await scan('cache-eviction-storm', seed);
  log.push(
    `  cache eviction storm, seed ${seed}: fires at +${s.firesAt?.toFixed(1)} min, condition held ${s.longestMinutes.toFixed(1)} min, max r ${s.maxR.toFixed(2)}, max KS ${s.maxDrift.toFixed(2)}`
  );
  expect(s.firesAt).not.toBeNull();
  expect(s.firesAt!).toBeGreaterThanOrEqual(0);
  expect(s.firesAt!).toBeLessThanOrEqual(45);
});

it.each([1, 2, 3])(
  'genuine data drift, seed %i: the drift is real, the correlation alert never fires',
  async (seed) => {
    const s = await scan('data-drift', seed);
    log.push(
      `  genuine data drift, seed ${seed}: never fires (condition held at most ${s.longestMinutes.toFixed(1)} min), max r ${s.maxR.toFixed(2)}, max KS ${s.maxDrift.toFixed(2)}`
    );
    expect(s.maxDrift).toBeGreaterThan(DEMO_OPTIONS.driftGate);
    expect(s.firesAt).toBeNull();
  }
);
