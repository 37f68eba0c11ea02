/**
 * A signal's provenance (docs/frames.md, "Provenance") as the alerting module's signal definition, so
 * a matrix cell or a lag curve can be turned back into PromQL. Pure.
 */
import type { SignalDefinition } from '../../../alerting';
import type { SignalProvenance } from '../../../shared/frameContract';

/** Transforms that leave Pearson r unchanged or that PromQL applies itself (a counter's rate). */
const NEUTRAL = new Set(['none', 'rate', 'zscore']);

function baseline(
  drift: NonNullable<SignalProvenance['drift']>
): Pick<SignalDefinition, 'baseline' | 'baselineFrom' | 'baselineTo'> {
  const b = drift.baseline;
  switch (b.kind) {
    case 'fixed':
      return { baseline: 'fixed', baselineFrom: b.from, baselineTo: b.to };
    case 'shifted':
      // The data source offers one day and seven days; a number of ms comes only from hand-written requests.
      return { baseline: b.shift === '7d' || b.shift === 604_800_000 ? '7d' : '1d' };
    case 'static':
      return { baseline: 'static' };
    default:
      return { baseline: 'preceding' };
  }
}

export function signalDefinition(p: SignalProvenance): SignalDefinition {
  const shaping = p.transforms.filter((t) => !NEUTRAL.has(t.type));
  return {
    expr: p.expr,
    kind: p.kind,
    ...(shaping.length ? { transform: shaping[0].type } : {}),
    ...(p.histogramBy ? { by: p.histogramBy } : {}),
    ...(p.drift
      ? {
          driftMethod: p.drift.method,
          windowSteps: Math.max(1, Math.round(p.drift.windowMs / p.stepMs)),
          ...baseline(p.drift),
        }
      : {}),
  };
}
