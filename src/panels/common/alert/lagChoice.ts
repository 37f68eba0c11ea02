/**
 * Which lag a rule uses: the pair's best lag only when the engine's own lag curve puts it outside the
 * (1 - alpha) band under no cross-correlation (the band the lag charts draw); otherwise none. A lag
 * that is not significant would shift one side by noise.
 */
import { formatDuration } from '../format';
import type { LagCurve } from '../frames';
import { leadPhrase } from '../words';

export interface LagChoice {
  /** Seconds, engine convention (positive: A leads B); 0 when no lag is used. */
  seconds: number;
  /** Why this lag, in words. */
  why: string;
}

/** `a` and `b` name the curve's sides (the drill-down's own curve is computed under ids). */
export function lagChoice(
  curve: Pick<LagCurve, 'bestLagSeconds' | 'bestR' | 'band'> | undefined,
  a: string,
  b: string
): LagChoice {
  if (!curve || curve.bestLagSeconds === null || curve.bestR === null) {
    return { seconds: 0, why: 'no lag: the query result has no lag curve for this pair' };
  }
  if (curve.bestLagSeconds === 0) {
    return { seconds: 0, why: 'no lag: the best lag is 0' };
  }
  if (curve.band === null || !(Math.abs(curve.bestR) > curve.band)) {
    return {
      seconds: 0,
      why: `no lag: the best lag (${formatDuration(curve.bestLagSeconds)}) is inside the no-correlation band, not significant`,
    };
  }
  return {
    seconds: curve.bestLagSeconds,
    why: `${leadPhrase(a, b, curve.bestLagSeconds)} (outside the no-correlation band)`,
  };
}
