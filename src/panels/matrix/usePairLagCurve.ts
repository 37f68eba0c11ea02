/**
 * The lag curve of one pair for the drill-down: from the query's lag frames when present, otherwise
 * computed from the two series in the shared worker (a two-series job: milliseconds).
 */
import { useEffect, useState } from 'react';
import { resultToFrames } from '../../shared/frames';
import { AnalysisCancelled, getAnalysisClient } from '../../worker';
import { lagCurves, LagCurve, NamedSeries } from '../common/frames';

export type PairLag =
  { status: 'ready'; curve: LagCurve } | { status: 'running' } | { status: 'unavailable'; why: string };

export function usePairLagCurve(
  fromFrames: LagCurve | undefined,
  a: NamedSeries | undefined,
  b: NamedSeries | undefined,
  maxLag: number,
  stepMs: number
): PairLag {
  const [tagged, setTagged] = useState<{ a?: NamedSeries; b?: NamedSeries; maxLag: number; value: PairLag }>({
    maxLag: 0,
    value: { status: 'running' },
  });
  const needed = !fromFrames && a !== undefined && b !== undefined && maxLag > 0;
  useEffect(() => {
    if (!needed || !a || !b) {
      return;
    }
    const controller = new AbortController();
    const setComputed = (value: PairLag) => setTagged({ a, b, maxLag, value });
    const series = [a, b].map((s, i) => ({
      id: i === 0 ? 'A' : 'B',
      name: s.name,
      timestamps: s.times,
      values: s.values,
    }));
    getAnalysisClient()
      .run(
        {
          version: 1,
          series,
          grid: stepMs > 0 ? { stepMs } : undefined,
          correlation: { enabled: false },
          lags: { maxLag, pairs: [['A', 'B']] },
        },
        { key: 'matrix-drilldown', signal: controller.signal }
      )
      .then((run) => {
        const curve = lagCurves(resultToFrames(run.result, { refId: 'drilldown', signals: [] }))[0];
        setComputed(
          curve
            ? { status: 'ready', curve }
            : { status: 'unavailable', why: 'the engine returned no lag curve for this pair' }
        );
      })
      .catch((e: unknown) => {
        if (!(e instanceof AnalysisCancelled) && !controller.signal.aborted) {
          setComputed({ status: 'unavailable', why: e instanceof Error ? e.message : String(e) });
        }
      });
    return () => controller.abort();
  }, [needed, a, b, maxLag, stepMs]);

  if (fromFrames) {
    return { status: 'ready', curve: fromFrames };
  }
  if (!a || !b) {
    return { status: 'unavailable', why: 'no lag frames in the query result' };
  }
  if (maxLag <= 0) {
    return { status: 'unavailable', why: 'lag search is off (max lag 0)' };
  }
  // A result for other inputs is stale: show "running" until the new job answers.
  return tagged.a === a && tagged.b === b && tagged.maxLag === maxLag ? tagged.value : { status: 'running' };
}
