/**
 * How one of the demo's correlation alerts behaves over the demo's backfilled history, whatever the
 * clock says when the demo starts: the simulated data follow the time of day (daily traffic cycle,
 * where the incidents fall). For each start time this replays the alert as the demo page shows it
 * (sandbox/demo/alertReplay.ts) over every incident of the history.
 *
 *   npx tsx scripts/demo/alertSweep.ts [--starts 24] [--from 2026-11-20T00:00:00Z] [--every <seconds>]
 *                                      [--rules demo/rules/infradrift.rules.yml]
 *                                      [--alert <alert name> --incident <its scenario>]
 *
 * `--starts N` start times a day / N apart (or `--every` seconds apart) from `--from`, each off the
 * minute by a different number of seconds; `--rules` another rule file (e.g. an older version from
 * git); `--alert` and `--incident` the alert and the scenario it is meant for (default: the
 * cache-miss/drift alert and the cache eviction storm). About 10 s per start time on two cores.
 * Prints one line per start and incident, then the totals; exits 1 when the alert fires in another
 * incident or misses its own.
 */
import path from 'node:path';
import { replayDemoAlert } from '../../sandbox/demo/alertReplay';
import { RULES_DIR } from '../../sandbox/demo/stack';
import { SCENARIOS } from '../../simulator/scenarios';
import type { ScenarioName } from '../../simulator/types';

const DAY_MS = 86_400_000;

const fmt = (x: number | undefined) => (x === undefined ? '-' : x.toPrecision(2));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const alert = arg('alert', 'InfraDriftCorrelationCacheMissesMoveWithUserTenureDaysDrift');
  const own = arg('incident', 'cache-eviction-storm') as ScenarioName;
  if (!SCENARIOS.some((s) => s.name === own)) {
    throw new Error(`--incident: no scenario ${own} (${SCENARIOS.map((s) => s.name).join(', ')})`);
  }
  const ruleFile = path.resolve(arg('rules', path.join(RULES_DIR, 'infradrift.rules.yml')));
  const starts = Number(arg('starts', '24'));
  const base = Date.parse(arg('from', '2026-11-20T00:00:00Z'));
  const every = Number(arg('every', String(DAY_MS / starts / 1000))) * 1000;
  const anchors = Array.from({ length: starts }, (_, k) => base + Math.round(k * every) + ((k * 7) % 60) * 1000);
  const totals: Record<string, { trueSteps: number; steps: number; fired: number }> = {};
  let wrongs = 0;
  for (const anchor of anchors) {
    const replays = await replayDemoAlert({
      anchor,
      alert,
      scenarios: SCENARIOS.map((s) => s.name),
      ruleFile,
    });
    for (const r of replays) {
      const t = (totals[r.scenario] ??= { trueSteps: 0, steps: 0, fired: 0 });
      t.trueSteps += r.trueSteps;
      t.steps += r.steps;
      t.fired += r.firedPhases > 0 ? 1 : 0;
      const wrong = r.scenario === own ? r.firedPhases < r.phases : r.firedPhases > 0;
      wrongs += wrong ? 1 : 0;
      const hour = ((anchor % DAY_MS) / 3_600_000).toFixed(2);
      process.stdout.write(
        `start ${new Date(anchor).toISOString()} (${hour} h UTC) ${r.scenario.padEnd(20)} condition true at ` +
          `${r.trueSteps}/${r.steps} evaluations, fired at ${r.firedPhases}/${r.phases} query phases, ` +
          `peak a ${fmt(r.peak.a)} b ${fmt(r.peak.b)}${wrong ? '  <-- WRONG' : ''}\n`
      );
    }
  }
  for (const [name, t] of Object.entries(totals)) {
    process.stdout.write(
      `${name}: condition true at ${t.trueSteps}/${t.steps} evaluations in the incident; fired in ${t.fired}/${anchors.length} starts\n`
    );
  }
  process.exitCode = wrongs ? 1 : 0;
}

void main();
