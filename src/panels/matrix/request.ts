/** Time series mode of the matrix panel: panel options -> engine request. Pure. */
import type { SignalInfo } from '../../shared/frameContract';
import type { AnalyzeRequest } from '../../stats';
import type { SeriesForRequest } from '../common/useComputedFrames';
import type { MatrixOptions } from './types';

/** Above this many pairs the all-pairs lag search costs seconds; best lags are then left out (the drill-down computes its pair). */
export const MAX_LAG_PAIRS_IN_PANEL = 2000;

export function modelMatcher(pattern: string): (name: string) => boolean {
  try {
    const re = new RegExp(pattern, 'i');
    return (name) => pattern.trim() !== '' && re.test(name);
  } catch {
    // An unfinished pattern while the user types must not break the panel.
    return () => false;
  }
}

export function matrixRequest(
  input: SeriesForRequest,
  stepMs: number | undefined,
  options: MatrixOptions
): { request: AnalyzeRequest; signals: SignalInfo[] } {
  const isModel = modelMatcher(options.modelPattern);
  const signals = input.signals.map((s): SignalInfo => ({ ...s, role: isModel(s.name) ? 'model' : 'infra' }));
  const n = input.series.length;
  const lagPairs = (n * (n - 1)) / 2;
  const request: AnalyzeRequest = {
    version: 1,
    series: input.series,
    grid: stepMs ? { stepMs } : undefined,
    correlation: { method: options.method },
    clustering: { enabled: true },
    includeAligned: true,
    ...(options.maxLag > 0 && lagPairs <= MAX_LAG_PAIRS_IN_PANEL
      ? { lags: { maxLag: Math.round(options.maxLag), all: true, includeCurves: false } }
      : {}),
  };
  return { request, signals };
}
