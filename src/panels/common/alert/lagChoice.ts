/**
 * Which lag a rule uses: the engine's lead decision picks it (words.ts leadOf), never the curve alone.
 * The best lag goes into the rule only when the decision states a lead; "same time" is lag 0; and with
 * no clear lead or a peak at the edge of the range no lag is used: a lag that is not a stated lead would
 * shift one side by noise.
 */
import type { LagCurve } from '../frames';
import { leadOf } from '../words';

export interface LagChoice {
  /** Seconds, engine convention (positive: A leads B); 0 when no lag is used. */
  seconds: number;
  /** Why this lag, in words. */
  why: string;
}

type LeadInputs = Pick<
  LagCurve,
  'bestLagSeconds' | 'bestR' | 'pBestLag' | 'qBestLag' | 'atEdge' | 'alpha' | 'stepMs' | 'maxLag'
>;

/** `a` and `b` name the curve's sides (the drill-down's own curve is computed under ids). */
export function lagChoice(curve: LeadInputs | undefined, a: string, b: string): LagChoice {
  if (!curve || curve.bestLagSeconds === null || curve.bestR === null) {
    return { seconds: 0, why: 'no lag: the query result has no lag curve for this pair' };
  }
  const lead = leadOf({ ...curve, a, b }, curve);
  // The engine's sentence as a clause inside the rule's summary.
  const clause = lead.text.replace(/\.$/, '');
  switch (lead.kind) {
    case 'leads':
      return { seconds: curve.bestLagSeconds, why: clause };
    case 'same-time':
      return { seconds: 0, why: `lag 0: ${clause}` };
    default:
      // These sentences open with fixed words ("No clear lead", "Peak at the edge", "No lag"), never a name.
      return { seconds: 0, why: `no lag: ${clause.charAt(0).toLowerCase()}${clause.slice(1)}` };
  }
}
