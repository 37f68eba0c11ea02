import type { CorrelationMethod, CorrelationResult, ReasonCode } from '../contract';
import { DEFAULTS } from '../defaults';
import { kendallMatrix } from '../correlation/kendallMatrix';
import { pearsonMatrix } from '../correlation/pearsonMatrix';
import { spearmanMatrix } from '../correlation/spearmanMatrix';
import { adjustMatrix } from '../significance/adjustMatrix';
import { correlationPValue } from '../significance/correlationPValue';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { fisherInterval } from '../significance/fisherInterval';
import { kendallPValue } from '../significance/kendallPValue';
import { Checkpoint } from '../util/cancel';
import { finiteOrNull, StageContext } from './context';

export interface CorrelationStageOutput {
  result: CorrelationResult;
  /** Raw r (NaN for undefined) for later stages (clustering). */
  r: Float64Array;
}

/** Correlation matrix plus significance (p, q, effective n, Fisher-z interval) for every pair. */
export function correlationStage(ctx: StageContext): CorrelationStageOutput {
  const opts = ctx.request.correlation ?? {};
  const sig = ctx.request.significance ?? {};
  let method: CorrelationMethod = opts.method ?? DEFAULTS.method;
  if (!['pearson', 'spearman', 'kendall'].includes(method)) {
    ctx.warnings.push({ code: 'UNKNOWN_OPTION', message: `unknown correlation method '${String(method)}'; using pearson` });
    method = 'pearson';
  }
  const adjust = sig.adjust ?? DEFAULTS.adjust;
  const correction = sig.autocorrelation ?? DEFAULTS.autocorrelation;
  const N = ctx.values.length;
  const T = N > 0 ? ctx.values[0].length : 0;
  if (method === 'kendall') {
    const limit = ctx.request.limits?.maxKendallWork ?? DEFAULTS.limits.maxKendallWork;
    const work = ((N * (N - 1)) / 2) * T * Math.log2(Math.max(2, T));
    if (work > limit) {
      ctx.warnings.push({
        code: 'LIMIT_EXCEEDED',
        message: `Kendall work ${work.toExponential(2)} exceeds limits.maxKendallWork = ${limit}; using Spearman instead`,
      });
      method = 'spearman';
    }
  }
  const checkpoint = new Checkpoint(ctx.hooks, `correlation:${method}`, (N * (N + 1)) / 2);
  const kendall = method === 'kendall' ? kendallMatrix(ctx.values, ctx.minOverlap, checkpoint) : null;
  const m = kendall ?? (method === 'spearman' ? spearmanMatrix(ctx.values, ctx.minOverlap, checkpoint) : pearsonMatrix(ctx.values, ctx.minOverlap, checkpoint));

  const size = N * N;
  const p = new Float64Array(size).fill(NaN);
  const pNaive = new Float64Array(size).fill(NaN);
  const nEff = new Float64Array(size).fill(NaN);
  const lo = new Float64Array(size).fill(NaN);
  const hi = new Float64Array(size).fill(NaN);
  const upper = new Float64Array(size).fill(NaN);
  let smallEff = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const c = i * N + j;
      const r = m.r[c];
      if (!Number.isFinite(r)) {
        continue;
      }
      const n = m.n[c];
      const ne = correction === 'none' ? n : effectiveSampleSize(n, ctx.lag1[i], ctx.lag1[j]);
      let pn: number;
      let pc: number;
      if (kendall) {
        const st = kendall.stats.get(c);
        pn = st ? kendallPValue(st) : NaN;
        pc = correction === 'none' || !st ? pn : kendallPValue(st, ne);
      } else {
        pn = n === 2 ? 1 : correlationPValue(r, n - 2);
        pc = correction === 'none' ? pn : correlationPValue(r, ne - 2);
      }
      if (!(ne > 3)) {
        smallEff++;
      }
      const ci = fisherInterval(r, ne, ctx.alpha, method);
      for (const cell of [c, j * N + i]) {
        p[cell] = pc;
        pNaive[cell] = pn;
        nEff[cell] = ne;
        lo[cell] = ci ? ci.low : NaN;
        hi[cell] = ci ? ci.high : NaN;
      }
      upper[c] = pc;
    }
  }
  if (smallEff > 0) {
    ctx.warnings.push({
      code: 'EFFECTIVE_N_SMALL',
      message: `${smallEff} pairs have an effective sample size <= 3 (strong autocorrelation); their p-values or intervals are missing`,
    });
  }
  const q = adjustMatrix(upper, N, adjust);
  const toJson = (a: Float64Array) => Array.from(a, finiteOrNull);
  const reason: Array<ReasonCode | null> = m.reason.map((why, c) => (why === null && !Number.isFinite(m.r[c]) ? 'skipped' : why));
  return {
    r: m.r,
    result: {
      method,
      ids: ctx.ids,
      r: toJson(m.r),
      p: toJson(p),
      pNaive: toJson(pNaive),
      q: toJson(q),
      n: Array.from(m.n),
      nEff: toJson(nEff),
      ciLow: toJson(lo),
      ciHigh: toJson(hi),
      reason,
      alpha: ctx.alpha,
      adjust,
      autocorrelation: correction,
    },
  };
}
