import type { SignalProvenance } from '../../shared/frameContract';
import type { TransformSpec } from '../../stats';
import type { SignalFrames } from './fetchSignal';

/** How a fetched signal's series were made (docs/frames.md, "Provenance"). */
export function provenanceOf(
  f: SignalFrames,
  transforms: TransformSpec[],
  stepMs: number,
  drift?: SignalProvenance['drift']
): SignalProvenance {
  const { signal } = f;
  return {
    datasource: f.datasource ?? null,
    expr: signal.expr,
    sentExpr: f.sentExpr ?? null,
    kind: signal.kind,
    transforms,
    ...(signal.kind === 'histogram' ? { histogramBy: signal.by ?? [] } : {}),
    ...(drift ? { drift } : {}),
    stepMs,
  };
}
