import { DEFAULT_DRIFT_WINDOW_STEPS, DEFAULT_MAX_POINTS, DEFAULT_MIN_STEP_SECONDS, type InfraDriftOptions, type SignalQuery } from '../types';

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
export function chooseStepMs(fromMs: number, toMs: number, intervalMs: number | undefined, settings: InfraDriftOptions): number {
  const minStep = (settings.minStepSeconds ?? DEFAULT_MIN_STEP_SECONDS) * 1000;
  const maxPoints = settings.maxPoints ?? DEFAULT_MAX_POINTS;
  const byPoints = Math.ceil((toMs - fromMs) / Math.max(1, maxPoints - 1));
  const step = Math.max(intervalMs ?? 0, minStep, byPoints, 1000);
  return Math.ceil(step / 1000) * 1000;
}

const DAY = 86_400_000;

/** How far before the visible range a histogram signal's baseline reaches (ms). */
export function baselineLookbackMs(signal: SignalQuery, stepMs: number, visibleFrom: number): number {
  const windowMs = (signal.windowSteps ?? DEFAULT_DRIFT_WINDOW_STEPS) * stepMs;
  switch (signal.baseline ?? 'preceding') {
    case 'preceding':
      return windowMs * 5; // the window itself plus 4 windows before it (Netdata's 4x)
    case '1d':
      return DAY + windowMs;
    case '7d':
      return 7 * DAY + windowMs;
    case 'fixed':
      return signal.baselineFrom !== undefined ? Math.max(0, visibleFrom - signal.baselineFrom) : 0;
    default:
      return 0;
  }
}

export function timeGrid(fromMs: number, toMs: number, intervalMs: number | undefined, settings: InfraDriftOptions, signals: SignalQuery[]): TimeGrid {
  const stepMs = chooseStepMs(fromMs, toMs, intervalMs, settings);
  const lookback = Math.max(0, ...signals.filter((s) => s.kind === 'histogram' && !s.hide).map((s) => baselineLookbackMs(s, stepMs, fromMs)));
  const start = Math.floor((fromMs - lookback) / stepMs) * stepMs;
  return { start, end: Math.floor(toMs / stepMs) * stepMs, stepMs, visibleFrom: fromMs };
}
