/**
 * How the demo's cache-miss/drift alert behaves over the demo's backfilled history, whatever the
 * clock says when the demo starts: the simulated data follows the time of day (daily traffic cycle,
 * where the data-drift campaign is placed), and the evaluation times fall wherever the start puts
 * them. For each start time this builds the demo's history as `npm run demo` does (same timeline,
 * same backfill, same recording-rule backfill), then reads the alert's condition over the
 * cache-eviction and the data-drift incidents as the demo page does ("fired in range": the condition
 * at every 15 s step, runs that last the rule's `for`), at every phase of the page's query steps.
 *
 *   npx tsx scripts/demo/alertSweep.ts [--starts 24] [--from 2026-11-20T00:00:00Z] [--every <seconds>]
 *                                      [--rules demo/rules/infradrift.rules.yml]
 *
 * `--starts N` start times one day / N apart (or `--every` seconds apart) from `--from`. Takes about
 * 10 s per start time on two cores.
 * Prints one line per start and incident, then the totals; exits 1 when the alert fires in a data-drift
 * incident or misses a cache-eviction one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { firingRuns } from '../../sandbox/demo/alerts';
import { DemoCleanup } from '../../sandbox/demo/cleanup';
import { backfillHistory, startPrometheus } from '../../sandbox/demo/stack';
import { demoTimeline } from '../../simulator/server/timeline';

const ROOT = path.resolve(__dirname, '..', '..');
const ALERT = 'InfraDriftCorrelationCacheMissesMoveWithUserTenureDaysDrift';
const STEP = 15;
const DAY_MS = 86_400_000;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

interface Rule {
  alert?: string;
  expr: string;
  for?: string;
}

function seconds(duration: string | undefined): number {
  const m = /^(\d+)([smh])$/.exec(duration ?? '0s');
  return m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'] : 0;
}

async function promQuery(url: string, q: string, from: number, to: number): Promise<number[]> {
  const p = new URLSearchParams({ query: q, start: String(from), end: String(to), step: String(STEP) });
  const body = (await (await fetch(`${url}api/v1/query_range?${p}`)).json()) as {
    status: string;
    error?: string;
    data: { result: Array<{ values: Array<[number, string]> }> };
  };
  if (body.status !== 'success') {
    throw new Error(body.error);
  }
  return (body.data.result[0]?.values ?? []).map(([t]) => t);
}

interface Outcome {
  /** The page's evaluations (15 s, first phase) in the incident window where the condition holds. */
  trueSteps: number;
  steps: number;
  /** Query phases (of 15) at which the page would list the alert as fired during the incident. */
  firedPhases: number;
}

async function main() {
  const ruleFile = path.resolve(arg('rules', path.join(ROOT, 'demo', 'rules', 'infradrift.rules.yml')));
  const starts = Number(arg('starts', '24'));
  const rule = (parse(fs.readFileSync(ruleFile, 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups
    .flatMap((g) => g.rules)
    .find((r) => r.alert === ALERT)!;
  const forSeconds = seconds(rule.for);
  // Start times spread over one day (or `--every` seconds from `--from`), each off the minute by a
  // different number of seconds.
  const base = Date.parse(arg('from', '2026-11-20T00:00:00Z'));
  const every = Number(arg('every', String(DAY_MS / starts / 1000))) * 1000;
  const anchors = Array.from({ length: starts }, (_, k) => base + Math.round(k * every) + ((k * 7) % 60) * 1000);
  const totals = { 'cache-eviction-storm': [0, 0, 0], 'data-drift': [0, 0, 0] } as Record<string, number[]>;
  let bad = 0;
  for (const anchor of anchors) {
    const cleanup = new DemoCleanup(fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-sweep-')));
    try {
      const timeline = demoTimeline({ anchor });
      const none = () => undefined;
      const { data, bare } = await backfillHistory(cleanup, timeline, none, none, ruleFile);
      const { url, daemon } = await startPrometheus(cleanup, bare, data, none);
      try {
        for (const incident of timeline.history.incidents) {
          const name = incident.scenario;
          if (name !== 'cache-eviction-storm' && name !== 'data-drift') {
            continue;
          }
          // The page's zoom: half an hour before the incident to 20 minutes after it.
          const range = { from: incident.start - 30 * 60_000, to: incident.end + 20 * 60_000 };
          const o: Outcome = { trueSteps: 0, steps: 0, firedPhases: 0 };
          for (let phase = 0; phase < STEP; phase++) {
            const from = Math.floor(range.from / 1000) + phase;
            const times = await promQuery(url, rule.expr, from, range.to / 1000);
            if (phase === 0) {
              const inside = (t: number) => t * 1000 >= incident.start && t * 1000 <= incident.end;
              o.trueSteps = times.filter(inside).length;
              o.steps = Math.floor((incident.end - incident.start) / 1000 / STEP);
            }
            const runs = firingRuns(times, STEP, forSeconds);
            if (runs.some((r) => r.from * 1000 <= incident.end && r.to * 1000 >= incident.start)) {
              o.firedPhases++;
            }
          }
          const t = totals[name];
          t[0] += o.trueSteps;
          t[1] += o.steps;
          t[2] += o.firedPhases > 0 ? 1 : 0;
          const wrong = name === 'data-drift' ? o.firedPhases > 0 : o.firedPhases < STEP;
          bad += wrong ? 1 : 0;
          const hour = ((anchor % DAY_MS) / 3_600_000).toFixed(2);
          process.stdout.write(
            `start ${new Date(anchor).toISOString()} (${hour} h UTC) ${name.padEnd(20)} condition true at ${o.trueSteps}/${o.steps} evaluations, fired at ${o.firedPhases}/${STEP} query phases${wrong ? '  <-- WRONG' : ''}\n`
          );
        }
      } finally {
        await daemon.stop();
      }
    } finally {
      await cleanup.stop();
    }
  }
  for (const [name, [trueSteps, steps, fired]] of Object.entries(totals)) {
    process.stdout.write(
      `${name}: condition true at ${trueSteps}/${steps} evaluations in the incident; fired in ${fired}/${anchors.length} starts\n`
    );
  }
  process.exitCode = bad ? 1 : 0;
}

void main();
