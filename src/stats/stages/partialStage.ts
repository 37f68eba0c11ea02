import type { PartialResult } from '../contract';
import { partialCorrelation } from '../partial/partialCorrelation';
import { DEFAULTS } from '../defaults';
import { adjustMatrix } from '../significance/adjustMatrix';
import { correlationPValue } from '../significance/correlationPValue';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { Checkpoint } from '../util/cancel';
import { finiteOrNull, StageContext } from './context';

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
      ctx.warnings.push({ code: 'UNKNOWN_SERIES', message: `partial.controls names unknown series '${id}'; ignored`, series: id });
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
    ctx.warnings.push({ code: 'SINGULAR_CONTROLS', message: 'control series are constant or collinear on some rows; affected partial correlations are missing' });
  }
  // Significance as for the plain matrix: the series are autocorrelated, so the test uses the pair's
  // effective sample size (from the series' lag-1 autocorrelations, an approximation of the residuals'),
  // and q controls the false discovery rate over the matrix.
  const sig = ctx.request.significance ?? {};
  const correction = sig.autocorrelation ?? DEFAULTS.autocorrelation;
  const size = N * N;
  const pNaive = new Float64Array(size).fill(NaN);
  const p = new Float64Array(size).fill(NaN);
  const nEff = new Float64Array(size).fill(NaN);
  const upper = new Float64Array(size).fill(NaN);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const c = i * N + j;
      const r = res.r[c];
      if (!Number.isFinite(r)) {
        continue;
      }
      const n = res.n[c];
      const ne = correction === 'none' ? n : effectiveSampleSize(n, ctx.lag1[rest[i]], ctx.lag1[rest[j]]);
      const pn = correlationPValue(r, n - 2 - k);
      const pc = correction === 'none' ? pn : ne - 2 - k > 0 ? correlationPValue(r, ne - 2 - k) : NaN;
      for (const cell of [c, j * N + i]) {
        pNaive[cell] = pn;
        p[cell] = pc;
        nEff[cell] = ne;
      }
      upper[c] = pc;
    }
  }
  const q = adjustMatrix(upper, N, sig.adjust ?? DEFAULTS.adjust);
  const toJson = (a: Float64Array) => Array.from(a, finiteOrNull);
  return {
    controls: controls.map((i) => ctx.ids[i]),
    ids: rest.map((i) => ctx.ids[i]),
    r: toJson(res.r),
    p: toJson(p),
    pNaive: toJson(pNaive),
    q: toJson(q),
    nEff: toJson(nEff),
    n: Array.from(res.n),
    reason: res.reason,
  };
}
