import type { PartialResult } from '../contract';
import { partialCorrelation } from '../partial/partialCorrelation';
import { DEFAULTS } from '../defaults';
import { correlationPValue } from '../significance/correlationPValue';
import { cellReasons, pairSignificance } from '../significance/pairSignificance';
import { Checkpoint } from '../util/cancel';
import { asFlatMatrix } from '../util/missing';
import type { StageContext } from './context';

/** Partial correlations of all non-control series given the requested controls. */
export function partialStage(ctx: StageContext): PartialResult | undefined {
  const controlsReq = ctx.request.partial?.controls;
  if (!Array.isArray(controlsReq) || controlsReq.length === 0) {
    return undefined;
  }
  const controls: number[] = [];
  for (const id of controlsReq) {
    const idx = ctx.ids.indexOf(id);
    if (idx < 0) {
      ctx.warnings.push({
        code: 'UNKNOWN_SERIES',
        message: `partial.controls names unknown series '${id}'; ignored`,
        series: id,
      });
    } else if (!controls.includes(idx)) {
      controls.push(idx);
    }
  }
  if (controls.length === 0) {
    return undefined;
  }
  const rest = ctx.ids.map((_, i) => i).filter((i) => !controls.includes(i));
  const N = rest.length;
  const k = controls.length;
  const res = partialCorrelation(
    rest.map((i) => ctx.values[i]),
    controls.map((i) => ctx.values[i]),
    ctx.minOverlap,
    new Checkpoint(ctx.hooks, 'partial', (N * (N + 1)) / 2)
  );
  if (res.singularControls) {
    ctx.warnings.push({
      code: 'SINGULAR_CONTROLS',
      message: 'control series are constant or collinear on some rows; affected partial correlations are missing',
    });
  }
  // Significance as for the plain matrix: the series are autocorrelated, so the test uses the pair's
  // effective sample size (from the series' lag-1 autocorrelations, an approximation of the residuals'),
  // and q controls the false discovery rate over the matrix.
  const significance = ctx.request.significance ?? {};
  const correction = significance.autocorrelation ?? DEFAULTS.autocorrelation;
  const sig = pairSignificance(
    res.r,
    res.n,
    N,
    Float64Array.from(rest, (i) => ctx.lag1[i]),
    correction,
    significance.adjust ?? DEFAULTS.adjust,
    {
      naive: (_c, r, n) => correlationPValue(r, n - 2 - k),
      corrected: (_c, r, ne) => (ne - 2 - k > 0 ? correlationPValue(r, ne - 2 - k) : NaN),
    }
  );
  return {
    controls: controls.map((i) => ctx.ids[i]),
    ids: rest.map((i) => ctx.ids[i]),
    r: asFlatMatrix(res.r),
    // pairSignificance's matrices are finite or NaN already.
    p: sig.p,
    pNaive: sig.pNaive,
    q: sig.q,
    nEff: sig.nEff,
    n: res.n,
    reason: cellReasons(res.reason, res.r, sig.p, N),
  };
}
