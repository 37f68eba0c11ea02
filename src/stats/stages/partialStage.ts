import type { PartialResult } from '../contract';
import { partialCorrelation } from '../partial/partialCorrelation';
import { correlationPValue } from '../significance/correlationPValue';
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
  const p = new Float64Array(N * N).fill(NaN);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      if (i !== j) {
        p[i * N + j] = correlationPValue(res.r[i * N + j], res.n[i * N + j] - 2 - k);
      }
    }
  }
  return {
    controls: controls.map((i) => ctx.ids[i]),
    ids: rest.map((i) => ctx.ids[i]),
    r: Array.from(res.r, finiteOrNull),
    p: Array.from(p, finiteOrNull),
    n: Array.from(res.n),
    reason: res.reason,
  };
}
