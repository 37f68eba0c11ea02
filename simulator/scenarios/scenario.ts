/** What a scenario is, and helpers shared by the scenario files. */
import { smoothstep } from '../math';
import { PlantedLags, plantedLags } from '../model/config';
import { signal } from '../signals';
import type { Drivers, GroundTruth, Incident, ScenarioName } from '../types';

/** The slice of the timeline a scenario may use. `standalone` = the whole simulated range is its own. */
export interface PlacementWindow {
  start: number;
  end: number;
  stepSeconds: number;
  standalone: boolean;
}

export interface ScenarioDefinition {
  name: ScenarioName;
  title: string;
  description: string;
  /** Incidents of this scenario inside the window (deterministic, no randomness). */
  place(window: PlacementWindow): Incident[];
  /** This incident's push on the service at time t (ms); neutral outside its effect period. */
  drivers(t: number, incident: Incident): Partial<Drivers>;
  /** Planted relations, with lags in whole steps of `stepSeconds`. */
  truths(stepSeconds: number): GroundTruth[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const TIME = { MINUTE, HOUR };

/** Incident envelope: 0 outside, smooth ramp up over `rampUp` ms after start, down over `rampDown` ms before end. */
export function envelope(t: number, inc: Incident, rampUp: number, rampDown = rampUp): number {
  return smoothstep(inc.start, inc.start + rampUp, t) * (1 - smoothstep(inc.end - rampDown, inc.end, t));
}

/** A duration that is `fraction` of the window, kept within [min, max]: short windows still show the incident. */
export function scaledDuration(w: PlacementWindow, fraction: number, min: number, max: number): number {
  return Math.min(Math.max((w.end - w.start) * fraction, min), max, (w.end - w.start) * 0.8);
}

/** Position `fraction` of the way through the window. */
export function at(w: PlacementWindow, fraction: number): number {
  return w.start + (w.end - w.start) * fraction;
}

type Sign = GroundTruth['sign'];

/** Build a truth from signal ids and a lag function of the planted lags (so it is exact at any step). */
export function truth(
  stepSeconds: number,
  causeId: string,
  effectId: string,
  lag: (l: PlantedLags) => number,
  sign: Sign,
  kind: GroundTruth['kind'] = 'lead',
  extra: { confounderId?: string; note?: string } = {}
): GroundTruth {
  const lagSteps = lag(plantedLags(stepSeconds));
  return {
    cause: signal(causeId).promql,
    effect: signal(effectId).promql,
    causeId,
    effectId,
    lagSteps,
    lagSeconds: lagSteps * stepSeconds,
    sign,
    kind,
    ...(extra.confounderId ? { confounderId: extra.confounderId, confounder: signal(extra.confounderId).promql } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}
