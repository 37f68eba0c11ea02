/** Scenario registry, schedules (one scenario or "all" in sequence) and ground truth as data. */
import { Drivers, GroundTruth, NEUTRAL_DRIVERS, Schedule, ScenarioName, ScenarioTruth } from '../types';
import { cacheEvictionStorm } from './cache-eviction-storm';
import { dataDrift } from './data-drift';
import { gpuThermalThrottling } from './gpu-thermal-throttling';
import { memoryLeak } from './memory-leak';
import type { ScenarioDefinition } from './scenario';
import { trafficConfounder } from './traffic-confounder';

export type { ScenarioDefinition } from './scenario';

/** In the order of the issue; "all" plays them in this order. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  cacheEvictionStorm,
  gpuThermalThrottling,
  dataDrift,
  trafficConfounder,
  memoryLeak,
];

export type ScenarioChoice = ScenarioName | 'all' | 'none';

export const SCENARIO_CHOICES: readonly ScenarioChoice[] = [...SCENARIOS.map((s) => s.name), 'all', 'none'];

export function scenarioByName(name: ScenarioName): ScenarioDefinition {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) {
    throw new Error(`unknown scenario ${name}`);
  }
  return s;
}

export function isScenarioChoice(x: string): x is ScenarioChoice {
  return (SCENARIO_CHOICES as readonly string[]).includes(x);
}

/**
 * Place the incidents of `choice` on [start, end). "all" gives each scenario an equal slice, in
 * order, so one timeline shows every incident; "none" is a healthy baseline.
 */
export function buildSchedule(choice: ScenarioChoice, start: number, end: number, stepSeconds: number): Schedule {
  if (choice === 'none') {
    return { start, end, stepSeconds, incidents: [] };
  }
  if (choice !== 'all') {
    return {
      start,
      end,
      stepSeconds,
      incidents: scenarioByName(choice).place({ start, end, stepSeconds, standalone: true }),
    };
  }
  const slice = (end - start) / SCENARIOS.length;
  const incidents = SCENARIOS.flatMap((s, i) =>
    s.place({ start: start + i * slice, end: start + (i + 1) * slice, stepSeconds, standalone: false })
  );
  return { start, end, stepSeconds, incidents };
}

/** Drivers at time t: traffic-like factors multiply, shares/losses take the max, leak rates add. */
export function driversAt(schedule: Schedule, t: number): Drivers {
  const d: Drivers = { ...NEUTRAL_DRIVERS };
  for (const inc of schedule.incidents) {
    const p = scenarioByName(inc.scenario).drivers(t, inc);
    d.trafficMultiplier *= p.trafficMultiplier ?? 1;
    d.keyCardinality *= p.keyCardinality ?? 1;
    d.coolingLoss = Math.max(d.coolingLoss, p.coolingLoss ?? 0);
    d.segmentShare = Math.max(d.segmentShare, p.segmentShare ?? 0);
    d.leakBytesPerSecond += p.leakBytesPerSecond ?? 0;
  }
  return d;
}

/** Ground truth of a schedule as data: description, incident times, planted relations. */
export function groundTruth(choice: ScenarioChoice, schedule: Schedule): ScenarioTruth {
  const step = schedule.stepSeconds;
  const involved = choice === 'all' ? SCENARIOS : choice === 'none' ? [] : [scenarioByName(choice)];
  const truths: GroundTruth[] = [];
  const seen = new Set<string>();
  for (const s of involved) {
    for (const t of s.truths(step)) {
      const key = `${t.causeId}→${t.effectId}/${t.kind}`;
      if (!seen.has(key)) {
        seen.add(key);
        truths.push({ ...t, scenario: s.name });
      }
    }
  }
  return {
    name: choice,
    description:
      choice === 'all'
        ? 'All scenarios one after another on one timeline: ' + SCENARIOS.map((s) => s.title).join(', ') + '.'
        : choice === 'none'
          ? 'Healthy baseline, no incident.'
          : involved[0].description,
    incidents: schedule.incidents.map(({ scenario, start, end }) => ({ scenario, start, end })),
    truths,
  };
}
