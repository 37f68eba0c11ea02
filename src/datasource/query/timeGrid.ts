import { baselineRange } from '../../stats';
import { baselineSpec } from './baselineSpec';
import {
  DEFAULT_DRIFT_WINDOW_STEPS,
  DEFAULT_MAX_POINTS,
  DEFAULT_MIN_STEP_SECONDS,
  type InfraDriftOptions,
  type SignalQuery,
} from '../types';

export interface TimeGrid {
  /** First grid time (ms), a multiple of the step, as Prometheus aligns range queries. */
  start: number;
  end: number;
  stepMs: number;
  /** Where the visible (dashboard) range starts; earlier points are baseline lookback. */
  visibleFrom: number;
}

/**
 * One step for every signal, so series arrive aligned and the engine does not resample: Grafana's
 * interval, but never finer than the configured minimum and never more than `maxPoints` points.
 * Whole seconds, because PromQL steps and range selectors are written in seconds.
 */
export function chooseStepMs(
  fromMs: number,
  toMs: number,
  intervalMs: number | undefined,
  settings: InfraDriftOptions
): number {
  const minStep = (settings.minStepSeconds ?? DEFAULT_MIN_STEP_SECONDS) * 1000;
  const maxPoints = settings.maxPoints ?? DEFAULT_MAX_POINTS;
  const byPoints = Math.ceil((toMs - fromMs) / Math.max(1, maxPoints - 1));
  const step = Math.max(intervalMs ?? 0, minStep, byPoints, 1000);
  return Math.ceil(step / 1000) * 1000;
}

/** Number of grid points, both ends included. */
export function gridLength(grid: Pick<TimeGrid, 'start' | 'end' | 'stepMs'>): number {
  return Math.floor((grid.end - grid.start) / grid.stepMs) + 1;
}

/**
 * How far before the visible range a histogram signal's baseline reaches (ms): the engine's own
 * baseline rule (`baselineRange`) for the first window of the range. Static baselines need no data.
 */
export function baselineLookbackMs(signal: SignalQuery, stepMs: number, visibleFrom: number): number {
  if ((signal.baseline ?? 'preceding') === 'static') {
    return 0;
  }
  const windowMs = (signal.windowSteps ?? DEFAULT_DRIFT_WINDOW_STEPS) * stepMs;
  const range = baselineRange(baselineSpec(signal), visibleFrom, windowMs);
  return range ? Math.max(0, visibleFrom - range.from) : 0;
}

export function timeGrid(
  fromMs: number,
  toMs: number,
  intervalMs: number | undefined,
  settings: InfraDriftOptions,
  signals: SignalQuery[]
): TimeGrid {
  const stepMs = chooseStepMs(fromMs, toMs, intervalMs, settings);
  const lookback = Math.max(
    0,
    ...signals.filter((s) => s.kind === 'histogram' && !s.hide).map((s) => baselineLookbackMs(s, stepMs, fromMs))
  );
  const start = Math.floor((fromMs - lookback) / stepMs) * stepMs;
  return { start, end: Math.floor(toMs / stepMs) * stepMs, stepMs, visibleFrom: fromMs };
}
