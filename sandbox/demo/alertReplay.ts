/**
 * The demo page's "fired in range" for one alerting rule, over the history of a demo started at a
 * given time: the history built as `npm run demo` builds it (timeline, backfill, recording rules),
 * then the rule's condition read over each incident's zoom at the page's 15 s step and its `for`
 * applied (alerts.tsx), at every phase of those steps. The simulated data follow the time of day
 * (daily traffic, where incidents are placed), so whether a rule fires can depend on the start time;
 * scripts/demo/alertSweep.ts runs this over many start times and the integration tests over chosen ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parseDuration } from '../../src/alerting';
import type { ScenarioName } from '../../simulator/types';
import { demoTimeline } from '../../simulator/server/timeline';
import { EVAL_STEP_SECONDS, firingRuns } from './alerts';
import { DemoCleanup } from './cleanup';
import { backfillHistory, RULES_DIR, startPrometheus } from './stack';

export interface IncidentReplay {
  scenario: ScenarioName;
  start: number;
  end: number;
  /** The page's evaluations (first phase) inside the incident where the condition holds, of `steps`. */
  trueSteps: number;
  steps: number;
  /** Phases of the page's steps (of `phases`) at which the page lists the rule as fired during the incident. */
  firedPhases: number;
  phases: number;
  /** Largest value of each side (as the rule records it) during the incident: did the incident show the pair at all? */
  peak: { a?: number; b?: number };
}

interface RuleText {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
}

async function conditionTimes(url: string, expr: string, from: number, to: number): Promise<number[]> {
  const p = new URLSearchParams({ query: expr, start: String(from), end: String(to), step: String(EVAL_STEP_SECONDS) });
  const body = (await (await fetch(`${url}api/v1/query_range?${p}`)).json()) as {
    status: string;
    error?: string;
    data: { result: Array<{ values: Array<[number, string]> }> };
  };
  if (body.status !== 'success') {
    throw new Error(`Prometheus refused the condition: ${body.error}`);
  }
  return (body.data.result[0]?.values ?? []).map(([t]) => t);
}

async function peak(url: string, series: string, from: number, to: number): Promise<number | undefined> {
  const seconds = Math.max(1, Math.round((to - from) / 1000));
  const p = new URLSearchParams({ query: `max_over_time(${series}[${seconds}s])`, time: String(to / 1000) });
  const body = (await (await fetch(`${url}api/v1/query?${p}`)).json()) as {
    data?: { result: Array<{ value: [number, string] }> };
  };
  const v = body.data?.result[0]?.value[1];
  return v === undefined ? undefined : Number(v);
}

/** Replays `alert` of `ruleFile` over the history's incidents of `scenarios`, for a demo started at `anchor` (ms). */
export async function replayDemoAlert(opts: {
  anchor: number;
  alert: string;
  scenarios: ScenarioName[];
  ruleFile?: string;
}): Promise<IncidentReplay[]> {
  const ruleFile = opts.ruleFile ?? path.join(RULES_DIR, 'infradrift.rules.yml');
  const rules = (parse(fs.readFileSync(ruleFile, 'utf8')) as { groups: Array<{ rules: RuleText[] }> }).groups.flatMap(
    (g) => g.rules
  );
  const rule = rules.find((r) => r.alert === opts.alert);
  if (!rule) {
    throw new Error(`${ruleFile} has no alert ${opts.alert}`);
  }
  const forSeconds = parseDuration(rule.for ?? '0s', 'for');
  const cleanup = new DemoCleanup(fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-replay-')));
  try {
    const timeline = demoTimeline({ anchor: opts.anchor });
    const none = () => undefined;
    const { data, bare } = await backfillHistory(cleanup, timeline, none, none, ruleFile);
    const { url } = await startPrometheus(cleanup, bare, data, none);
    const out: IncidentReplay[] = [];
    for (const incident of timeline.history.incidents.filter((i) => opts.scenarios.includes(i.scenario))) {
      // The page's zoom (page.tsx): half an hour before the incident to 20 minutes after it.
      const range = { from: incident.start - 30 * 60_000, to: incident.end + 20 * 60_000 };
      const inside = (from: number, to: number) => from * 1000 <= incident.end && to * 1000 >= incident.start;
      const replay: IncidentReplay = {
        scenario: incident.scenario,
        start: incident.start,
        end: incident.end,
        trueSteps: 0,
        steps: Math.floor((incident.end - incident.start) / 1000 / EVAL_STEP_SECONDS),
        firedPhases: 0,
        phases: EVAL_STEP_SECONDS,
        peak: {},
      };
      // A correlation rule records its sides as infradrift:<rule>:a and :b (src/alerting).
      const id = rule.labels?.infradrift_rule;
      for (const side of ['a', 'b'] as const) {
        const series = `infradrift:${id}:${side}`;
        if (id && rules.some((r) => r.record === series)) {
          replay.peak[side] = await peak(url, series, incident.start, incident.end);
        }
      }
      for (let phase = 0; phase < EVAL_STEP_SECONDS; phase++) {
        const times = await conditionTimes(url, rule.expr, Math.floor(range.from / 1000) + phase, range.to / 1000);
        if (phase === 0) {
          replay.trueSteps = times.filter((t) => inside(t, t)).length;
        }
        // What the page shows: runs that held for `for`, kept when they overlap the incident.
        if (firingRuns(times, EVAL_STEP_SECONDS, forSeconds).some((r) => inside(r.from, r.to))) {
          replay.firedPhases++;
        }
      }
      out.push(replay);
    }
    return out;
  } finally {
    await cleanup.stop();
  }
}
