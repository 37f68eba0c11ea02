import type { CorrelationMethod, CorrelationResult } from '../contract';
import { DEFAULTS } from '../defaults';
import { kendallMatrix } from '../correlation/kendallMatrix';
import type { GramSteps } from '../correlation/gramSteps';
import { pearsonMatrixSteps } from '../correlation/pearsonMatrix';
import { spearmanMatrixSteps } from '../correlation/spearmanMatrix';
import { correlationPValue } from '../significance/correlationPValue';
import { fisherSpec } from '../significance/fisherInterval';
import { kendallPValue } from '../significance/kendallPValue';
import { cellReasons, pairSignificance, type PairTest } from '../significance/pairSignificance';
import { Checkpoint } from '../util/cancel';
import { asFlatMatrix } from '../util/missing';
import type { StageContext } from './context';

export interface CorrelationStageOutput {
  result: CorrelationResult;
  /** Raw r (NaN for undefined) for later stages (clustering). */
  r: Float64Array;
}

/**
 * Correlation matrix plus significance (p, q, effective n, Fisher-z interval) for every pair. Steps that
 * yield the matrix's Gram product to analyze's driver (correlation/gramSteps.ts).
 */
export function* correlationStage(ctx: StageContext): GramSteps<CorrelationStageOutput> {
  const opts = ctx.request.correlation ?? {};
  const options = ctx.request.significance ?? {};
  // Option values were checked by validateOptions: an unknown method never reaches this stage.
  let method: CorrelationMethod = opts.method ?? DEFAULTS.method;
  const adjust = options.adjust ?? DEFAULTS.adjust;
  const correction = options.autocorrelation ?? DEFAULTS.autocorrelation;
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
  const m =
    kendall ??
    (method === 'spearman'
      ? yield* spearmanMatrixSteps(ctx.values, ctx.minOverlap, checkpoint)
      : yield* pearsonMatrixSteps(ctx.values, ctx.minOverlap, checkpoint));

  if ('kernelFallback' in m && m.kernelFallback !== null) {
    ctx.warnings.push({
      code: 'KERNEL_FALLBACK',
      message: `WebAssembly is unavailable (${m.kernelFallback}): the JavaScript kernel is used; results are the same, slower`,
    });
  }

  const test: PairTest = kendall
    ? {
        naive: (c) => {
          const st = kendall.stats.get(c);
          return st ? kendallPValue(st) : NaN;
        },
        corrected: (c, _r, ne, naive) => {
          const st = kendall.stats.get(c);
          return st ? kendallPValue(st, ne) : naive;
        },
      }
    : {
        naive: (_c, r, n) => (n === 2 ? 1 : correlationPValue(r, n - 2)),
        corrected: (_c, r, ne) => correlationPValue(r, ne - 2),
      };
  const sig = pairSignificance(m.r, m.n, N, ctx.lag1, correction, adjust, test, fisherSpec(ctx.alpha, method));
  const lo = sig.ciLow!;
  const hi = sig.ciHigh!;
  if (sig.smallEffective > 0) {
    ctx.warnings.push({
      code: 'EFFECTIVE_N_SMALL',
      message: `${sig.smallEffective} pairs have an effective sample size <= 3 (strong autocorrelation); their p-values or intervals are missing`,
    });
  }
  const reason = cellReasons(m.reason, m.r, sig.p, N, lo);
  return {
    r: m.r,
    result: {
      method,
      ids: ctx.ids,
      r: asFlatMatrix(m.r),
      // pairSignificance's matrices are finite or NaN already.
      p: sig.p,
      pNaive: sig.pNaive,
      q: sig.q,
      n: m.n,
      nEff: sig.nEff,
      ciLow: lo,
      ciHigh: hi,
      reason,
      alpha: ctx.alpha,
      adjust,
      autocorrelation: correction,
      ...('kernel' in m && m.kernel !== null ? { kernel: m.kernel, workers: m.workers } : {}),
    },
  };
}
