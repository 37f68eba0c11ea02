/** Time series mode of the lag panel: every series against the target. Pure. */
import type { AnalyzeRequest } from '../../stats';
import type { SeriesForRequest } from '../common/useComputedFrames';
import type { LagOptions } from './types';

/** The target actually used: the option when it names a series, otherwise the first series. */
export function resolveTarget(names: string[], wanted: string): { target: string; fallback: boolean } {
  const hit = names.find((n) => n === wanted.trim());
  return hit ? { target: hit, fallback: false } : { target: names[0] ?? '', fallback: wanted.trim() !== '' };
}

export function lagRequest(input: SeriesForRequest, stepMs: number | undefined, options: LagOptions) {
  const { target } = resolveTarget(
    input.series.map((s) => s.id),
    options.target
  );
  const request: AnalyzeRequest = {
    version: 1,
    series: input.series,
    grid: stepMs ? { stepMs } : undefined,
    correlation: { enabled: false },
    lags: { maxLag: Math.max(1, Math.round(options.maxLag)), target },
  };
  return { request, signals: input.signals };
}
