/**
 * A demo-only gauge saying which scenario is playing, so Grafana can draw the incidents as
 * annotations and the demo page can zoom to one. Not part of the service's metric catalogue: a real
 * service has no such metric, and InfraDrift's queries never read it.
 */
import { SCENARIOS } from '../scenarios';
import type { Labels, ScalarFamily } from '../types';
import type { DemoTimeline } from './timeline';

export const INCIDENT_METRIC = {
  name: 'infradrift_demo_incident',
  help: 'Demo simulator: 1 while the named scenario plays an incident, else 0.',
  job: 'infradrift-demo',
};

/** One value per scenario at time t: 1 inside one of its incidents. */
export function incidentValues(timeline: DemoTimeline, t: number): Array<[Labels, number]> {
  const schedule = t < timeline.anchor ? timeline.history : timeline.cycleAt(t);
  return SCENARIOS.map((s) => [
    { job: INCIDENT_METRIC.job, scenario: s.name },
    schedule.incidents.some((i) => i.scenario === s.name && t >= i.start && t < i.end) ? 1 : 0,
  ]);
}

/** The same gauge over a range of steps, for the OpenMetrics backfill. */
export function incidentFamily(timeline: DemoTimeline, timestamps: Float64Array): ScalarFamily {
  const series = SCENARIOS.map((_, k) => ({
    labels: incidentValues(timeline, timestamps[0])[k][0],
    values: Float64Array.from(timestamps, (t) => incidentValues(timeline, t)[k][1]),
  }));
  return { name: INCIDENT_METRIC.name, help: INCIDENT_METRIC.help, type: 'gauge', series };
}
