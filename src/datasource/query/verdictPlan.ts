/**
 * What a matrix query with the verdict on fetches (docs/frames.md, "Verdict"): the query's range is the
 * incident; the baseline is the 4×-longer window just before it or the same window 1 d / 7 d earlier.
 * One contiguous range from the baseline (and its drift lookback) to the range's end is fetched once on
 * one step; the matrix is still computed on its own grid (the visible range and its drift lookback, as
 * without the verdict), the compare on the long one.
 */
import { baselineRange, DEFAULT_PRECEDING_FACTOR, type CompareBaseline } from '../../stats';
import {
  DEFAULT_MAX_POINTS,
  type InfraDriftOptions,
  type SignalQuery,
  type VerdictBaseline,
  type VerdictSetting,
} from '../types';
import { baselineLookbackMs, chooseStepMs, gridLength, timeGrid, type TimeGrid } from './timeGrid';

const VERDICT_BASELINES: readonly VerdictBaseline[] = ['preceding', '1d', '7d'];

/** Prometheus refuses a range query of more than 11,000 points per series. */
export const PROMETHEUS_MAX_POINTS = 11_000;

export interface VerdictPlan {
  /** The compare's windows: the incident is the query's range (from, to]. */
  incident: { from: number; to: number };
  baseline: Extract<CompareBaseline, { kind: 'preceding' | 'shifted' }>;
  /** What is fetched: from the baseline's start (less the drift lookback there) to the range's end. */
  fetchGrid: TimeGrid;
  /** The matrix's grid: the visible range and its drift lookback, on the fetch step. */
  matrixGrid: TimeGrid;
  /** Why the baseline is shorter or the step coarser than asked (info notices). */
  notices: string[];
}

/**
 * Most points the long range may hold per series: a 4× baseline at the data source's point cap, and
 * never above Prometheus's limit. A 1 d / 7 d baseline is fetched as one range too, so it is held to the
 * same budget.
 */
export function verdictPointBudget(settings: InfraDriftOptions): number {
  const maxPoints = settings.maxPoints ?? DEFAULT_MAX_POINTS;
  return Math.min(PROMETHEUS_MAX_POINTS, (1 + DEFAULT_PRECEDING_FACTOR) * maxPoints);
}

function baselineOf(setting: VerdictSetting, factor: number): VerdictPlan['baseline'] {
  return setting.baseline === '1d' || setting.baseline === '7d'
    ? { kind: 'shifted', shift: setting.baseline }
    : { kind: 'preceding', factor };
}

/** First grid time of the long range for a baseline and a step. */
function fetchStart(
  baseline: VerdictPlan['baseline'],
  incident: { from: number; to: number },
  stepMs: number,
  histograms: SignalQuery[]
): number {
  const range = baselineRange(baseline, incident.to, incident.to - incident.from)!;
  const lookback = Math.max(0, ...histograms.map((s) => baselineLookbackMs(s, stepMs, range.from)));
  return Math.floor((range.from - lookback) / stepMs) * stepMs;
}

export function verdictPlan(
  fromMs: number,
  toMs: number,
  intervalMs: number | undefined,
  settings: InfraDriftOptions,
  signals: SignalQuery[],
  setting: VerdictSetting
): VerdictPlan {
  const incident = { from: fromMs, to: toMs };
  const histograms = signals.filter((s) => s.kind === 'histogram' && !s.hide);
  const budget = verdictPointBudget(settings);
  const notices: string[] = [];
  if (!VERDICT_BASELINES.includes(setting.baseline)) {
    // A hand-edited or newer saved query: say what is used instead of guessing silently.
    notices.push(
      `Verdict: the baseline ${JSON.stringify(setting.baseline)} is not one of ${VERDICT_BASELINES.join(', ')}; ` +
        'the 4× longer window before the range is used.'
    );
  }
  let stepMs = chooseStepMs(fromMs, toMs, intervalMs, settings);
  let baseline = baselineOf(setting, DEFAULT_PRECEDING_FACTOR);
  const points = (step: number, b: VerdictPlan['baseline']) =>
    gridLength({ start: fetchStart(b, incident, step, histograms), end: Math.floor(toMs / step) * step, stepMs: step });

  if (points(stepMs, baseline) > budget && baseline.kind === 'preceding') {
    // A shorter preceding baseline keeps the matrix's step: whole multiples of the range that still fit.
    let factor = DEFAULT_PRECEDING_FACTOR - 1;
    while (factor >= 1 && points(stepMs, baselineOf(setting, factor)) > budget) {
      factor--;
    }
    if (factor >= 1) {
      baseline = baselineOf(setting, factor);
      notices.push(
        `Verdict: the baseline is shortened to the ${factor}× longer window before the range (not 4×) ` +
          `to stay under ${budget} points per series; zoom in for the full baseline.`
      );
    }
  }
  // Still too long (a 1 d / 7 d baseline, or a range with no room for even a 1× baseline): a coarser
  // step for the whole query, the matrix included. The drift lookback grows with the step, hence the loop.
  const asked = stepMs;
  for (let i = 0; i < 8 && points(stepMs, baseline) > budget; i++) {
    const span = toMs - fetchStart(baseline, incident, stepMs, histograms);
    stepMs = Math.max(stepMs + 1000, Math.ceil(span / (budget - 1) / 1000) * 1000);
  }
  if (stepMs !== asked) {
    notices.push(
      `Verdict: the step is coarsened from ${asked / 1000} s to ${stepMs / 1000} s (the matrix's too) so that the ` +
        `baseline and the range fit in ${budget} points per series.`
    );
  }
  // The matrix's grid, as without the verdict, on the chosen step (a step above the asked one wins in timeGrid).
  const matrixGrid = timeGrid(fromMs, toMs, stepMs, settings, signals);
  const fetchGrid: TimeGrid = {
    ...matrixGrid,
    start: Math.min(matrixGrid.start, fetchStart(baseline, incident, matrixGrid.stepMs, histograms)),
  };
  return { incident, baseline, fetchGrid, matrixGrid, notices };
}
