/**
 * The demo's timeline: the last `historyHours` before the anchor play every scenario once (the
 * backfill, so a fresh dashboard is full at once), and from the anchor on the scenarios replay in
 * short cycles (so a running demo shows a new incident within minutes).
 *
 * History and live share one `ServiceModel` run from the history's first step, so the backfilled
 * counters and the live counters are one continuous series. Both the backfill command and the live
 * server build the timeline from the same `DemoTimelineOptions`, which is why the anchor is passed
 * around (file or flag) instead of each process reading its own clock.
 */
import { ServiceModel } from '../model/service';
import { buildSchedule, driversAt, groundTruth, ScenarioChoice } from '../scenarios';
import { DEFAULTS } from '../simulate';
import type { Incident, Schedule, ScenarioTruth } from '../types';

export interface DemoTimelineOptions {
  /** Where history ends and live begins (ms); aligned down to the step. */
  anchor: number;
  /** Hours of history before the anchor (the backfill) in which the scenarios play. Default 6: the dashboard's default range. */
  historyHours?: number;
  /**
   * Healthy hours before that (also backfilled). Default 25: the dashboard's drift baseline is the same
   * window one day earlier (seasonality-aware, as users set it up), which must exist and be healthy
   * for every incident of the history and of the first live day.
   */
  leadHours?: number;
  /** Minutes of one live cycle; every scenario of `liveScenario` plays once per cycle. Default 90: the first incident starts ~4 min after the anchor. */
  cycleMinutes?: number;
  /** What the live cycles replay; default 'all'. History always plays 'all'. */
  liveScenario?: ScenarioChoice;
  seed?: number;
  stepSeconds?: number;
  replicas?: number;
}

export const DEMO_DEFAULTS = {
  historyHours: 6,
  leadHours: 25,
  cycleMinutes: 90,
  liveScenario: 'all' as ScenarioChoice,
};

export interface DemoTimeline {
  /** First history step (ms), the start of the healthy lead. */
  start: number;
  /** The anchor, aligned to the step (ms): first live step. */
  anchor: number;
  stepSeconds: number;
  cycleMs: number;
  history: Schedule;
  /** The live cycle containing time t (built on demand; live runs are unbounded). */
  cycleAt(t: number): Schedule;
  /** Incidents of history and of the live cycles up to `until` (ms). */
  incidents(until: number): Incident[];
  /** Ground truth of the history part (the live cycles plant the same relations). */
  truth: ScenarioTruth;
  /** A model positioned on the history's first step. */
  createModel(): ServiceModel;
}

export function demoTimeline(opts: DemoTimelineOptions): DemoTimeline {
  const stepSeconds = opts.stepSeconds ?? DEFAULTS.stepSeconds;
  const stepMs = stepSeconds * 1000;
  const anchor = Math.floor(opts.anchor / stepMs) * stepMs;
  const hoursBack = (h: number) => anchor - Math.round((h * 3_600_000) / stepMs) * stepMs;
  const historyHours = opts.historyHours ?? DEMO_DEFAULTS.historyHours;
  const scenariosFrom = hoursBack(historyHours);
  const start = hoursBack(historyHours + (opts.leadHours ?? DEMO_DEFAULTS.leadHours));
  const cycleMs = (opts.cycleMinutes ?? DEMO_DEFAULTS.cycleMinutes) * 60_000;
  const liveScenario = opts.liveScenario ?? DEMO_DEFAULTS.liveScenario;
  const history = { ...buildSchedule('all', scenariosFrom, anchor, stepSeconds), start };
  const cycles = new Map<number, Schedule>();
  const cycle = (k: number): Schedule => {
    let s = cycles.get(k);
    if (!s) {
      s = buildSchedule(liveScenario, anchor + k * cycleMs, anchor + (k + 1) * cycleMs, stepSeconds);
      cycles.set(k, s);
    }
    return s;
  };
  const cycleAt = (t: number) => cycle(Math.max(0, Math.floor((t - anchor) / cycleMs)));
  // Incidents never cross the anchor or a cycle boundary, so one schedule decides the drivers at t.
  const at = (t: number) => driversAt(t < anchor ? history : cycleAt(t), t);
  return {
    start,
    anchor,
    stepSeconds,
    cycleMs,
    history,
    cycleAt,
    incidents(until) {
      const live: Incident[] = [];
      for (let k = 0; anchor + k * cycleMs < until; k++) {
        live.push(...cycle(k).incidents);
      }
      return [...history.incidents, ...live];
    },
    truth: groundTruth('all', history),
    createModel: () =>
      new ServiceModel({
        seed: opts.seed ?? DEFAULTS.seed,
        stepSeconds,
        replicas: opts.replicas ?? DEFAULTS.replicas,
        start,
        driversAt: at,
      }),
  };
}
