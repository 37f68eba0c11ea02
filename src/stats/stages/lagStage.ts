import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { LagPairResult, LagsResult, ReasonCode } from '../contract';
import { DEFAULTS } from '../defaults';
import { bestLag } from '../lags/bestLag';
import { bestLagTest, peakAtEdge } from '../lags/bestLagSignificance';
import { LAG_CONVENTION, reverseLag } from '../lags/convention';
import { crossCorrelation, LagSeries, prepareLagSeries } from '../lags/crossCorrelation';
import { FftCrossSum } from '../lags/fftCrossSum';
import { adjustPValues } from '../significance/adjustPValues';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { lag1Autocorrelation } from '../significance/lag1Autocorrelation';
import { difference } from '../transforms/difference';
import { Checkpoint } from '../util/cancel';
import { isConstant } from '../util/isConstant';
import { finiteOrNull, numberOrNaN, toJsonArray } from '../util/missing';
import type { StageContext } from './context';

/** Resolves which ordered pairs [a, b] (indices) the lag section asks for. */
function lagPairs(ctx: StageContext): Array<[number, number]> {
  const o = ctx.request.lags;
  const out: Array<[number, number]> = [];
  const index = (id: string): number => {
    const i = ctx.ids.indexOf(id);
    if (i < 0) {
      ctx.warnings.push({ code: 'UNKNOWN_SERIES', message: `lags names unknown series '${id}'; ignored`, series: id });
    }
    return i;
  };
  if (Array.isArray(o?.pairs)) {
    for (const pair of o.pairs) {
      const a = Array.isArray(pair) ? index(String(pair[0])) : -1;
      const b = Array.isArray(pair) ? index(String(pair[1])) : -1;
      if (a >= 0 && b >= 0) {
        out.push([a, b]);
      }
    }
  }
  if (typeof o?.target === 'string') {
    const t = index(o.target);
    if (t >= 0) {
      ctx.ids.forEach((_, i) => i !== t && out.push([i, t]));
    }
  }
  if (o?.all === true || (out.length === 0 && o?.pairs === undefined && o?.target === undefined)) {
    for (let i = 0; i < ctx.ids.length; i++) {
      for (let j = i + 1; j < ctx.ids.length; j++) {
        out.push([i, j]);
      }
    }
  }
  return out;
}

/** Pairwise-complete observations of two lag series at lag 0. */
function pairOverlap(a: LagSeries, b: LagSeries): number {
  const T = a.centred.length;
  if (!a.mask && !b.mask) {
    return T;
  }
  let n = 0;
  for (let t = 0; t < T; t++) {
    n += (a.mask ? a.mask[t] : 1) * (b.mask ? b.mask[t] : 1);
  }
  return n;
}

/** r at lag 0 as the lag curve defines it (biased normalisation), for ranking pairs. */
function lagZeroR(a: LagSeries, b: LagSeries): number {
  let s = 0;
  for (let t = 0; t < a.centred.length; t++) {
    s += a.centred[t] * b.centred[t];
  }
  return s / Math.sqrt(a.ss) / Math.sqrt(b.ss);
}

/**
 * limits.maxLagPairs: when more pairs could get a lag than the limit allows, the lags go to the pairs
 * that move together most at lag 0 (largest |r(0)|, ties in request order) and the others get reason
 * 'skipped'. WHY rank instead of "the first pairs": with all pairs of 204+ series the first 20,000
 * are an arbitrary set, and the strongest relations (what a user looks for) were as likely dropped.
 */
function skipOverLimit(
  ctx: StageContext,
  pairs: Array<[number, number]>,
  reasons: Array<ReasonCode | null>,
  strength: (a: number, b: number) => number
): void {
  const maxPairs = ctx.request.limits?.maxLagPairs ?? DEFAULTS.limits.maxLagPairs;
  const candidates = reasons.flatMap((why, k) => (why === null ? [k] : []));
  if (candidates.length <= maxPairs) {
    return;
  }
  const score = new Map(candidates.map((k) => [k, Math.abs(strength(pairs[k][0], pairs[k][1]))]));
  const rank = (k: number): number => (Number.isFinite(score.get(k)) ? score.get(k)! : -1);
  const ranked = candidates.slice().sort((x, y) => rank(y) - rank(x) || x - y);
  for (const k of ranked.slice(maxPairs)) {
    reasons[k] = 'skipped';
  }
  ctx.warnings.push({
    code: 'LIMIT_EXCEEDED',
    message:
      `${candidates.length} lag pairs exceed limits.maxLagPairs = ${maxPairs}: lags computed for the ${maxPairs} pairs with the largest |r| at lag 0; ` +
      `${candidates.length - maxPairs} pairs skipped (reason 'skipped')`,
  });
}

/** Cross-correlation curves, best lags and confidence bands (convention: positive lag, A leads B). */
export function lagStage(ctx: StageContext): LagsResult | undefined {
  const o = ctx.request.lags;
  if (!o) {
    return undefined;
  }
  const T = ctx.values.length > 0 ? ctx.values[0].length : 0;
  const cap = ctx.request.limits?.maxLag ?? DEFAULTS.limits.maxLag;
  let maxLag = Number.isFinite(o.maxLag) ? Math.max(0, Math.floor(o.maxLag)) : 0;
  if (!Number.isFinite(o.maxLag)) {
    ctx.warnings.push({ code: 'INVALID_REQUEST', message: 'lags.maxLag must be a number of steps; using 0' });
  }
  if (maxLag > cap || maxLag > T - 1) {
    const to = Math.max(0, Math.min(cap, T - 1));
    ctx.warnings.push({
      code: 'LIMIT_EXCEEDED',
      message: `lags.maxLag ${maxLag} reduced to ${to} (limits.maxLag or series length)`,
    });
    maxLag = to;
  }
  const pairs = lagPairs(ctx);
  const normalization = o.normalization ?? DEFAULTS.lagNormalization;
  const prewhiten = o.prewhiten ?? 'none';
  const used = new Set<number>(pairs.flat());
  const prepared = new Map<number, { s: LagSeries; lag1: number; constant: boolean }>();
  let missing = false;
  for (const i of used) {
    const x = prewhiten === 'difference' ? difference(ctx.values[i]) : ctx.values[i];
    const s = prepareLagSeries(x);
    missing = missing || s.mask !== null;
    prepared.set(i, {
      s,
      lag1: prewhiten === 'difference' ? lag1Autocorrelation(x) : ctx.lag1[i],
      constant: isConstant(x),
    });
  }
  if (missing && normalization === 'biased') {
    ctx.warnings.push({
      code: 'MISSING_IN_LAGS',
      message:
        'some lag series have missing values; they add nothing to the cross sums (biased normalisation shrinks r where data is missing)',
    });
  }
  const directCost = T * (2 * maxLag + 1);
  const algo = o.algorithm ?? 'auto';
  const useFft = algo === 'fft' || (algo === 'auto' && FftCrossSum.pairCost(T, maxLag) < directCost);
  const fft = useFft && T > 0 ? new FftCrossSum(T, maxLag, pairs.length / Math.max(1, used.size)) : null;
  const z = normalQuantile(1 - ctx.alpha / 2, 0, 1);
  const includeCurves = o.includeCurves !== false;
  // Why a pair gets no lag before any curve is computed: constant series or too little overlap.
  const overlap = pairs.map(([a, b]) => pairOverlap(prepared.get(a)!.s, prepared.get(b)!.s));
  const reasons: Array<ReasonCode | null> = pairs.map(([a, b], k) =>
    prepared.get(a)!.constant || prepared.get(b)!.constant
      ? 'constant'
      : overlap[k] < Math.max(ctx.minOverlap, 3)
        ? 'insufficient_overlap'
        : null
  );
  skipOverLimit(ctx, pairs, reasons, (a, b) => lagZeroR(prepared.get(a)!.s, prepared.get(b)!.s));
  const checkpoint = new Checkpoint(ctx.hooks, 'lags', pairs.length, 8);
  // One curve buffer for every pair: what outlives the pair is copied out (toJsonArray).
  const curve = new Float64Array(2 * maxLag + 1);
  const results: LagPairResult[] = pairs.map(([a, b], k) => {
    const A = prepared.get(a)!;
    const B = prepared.get(b)!;
    const n = overlap[k];
    const reason = reasons[k];
    checkpoint.tick(1);
    const none = { pBestLag: null, qBestLag: null, effectiveLags: null, atEdge: false };
    if (reason !== null) {
      return { a: ctx.ids[a], b: ctx.ids[b], bestLag: null, bestR: null, n, nEff: null, band: null, ...none, reason };
    }
    crossCorrelation(A.s, B.s, maxLag, normalization, fft, curve);
    const best = bestLag(curve, maxLag);
    if (best === null) {
      // No finite r(k) at any lag: the sums of squares left the double range, or no lag has overlap.
      const numeric = !(A.s.ss > 0 && B.s.ss > 0 && Number.isFinite(A.s.ss) && Number.isFinite(B.s.ss));
      const why = numeric ? 'numeric_range' : 'insufficient_overlap';
      return {
        a: ctx.ids[a],
        b: ctx.ids[b],
        bestLag: null,
        bestR: null,
        n,
        nEff: null,
        band: null,
        ...none,
        reason: why,
      };
    }
    const nEff = ctx.request.significance?.autocorrelation === 'none' ? n : effectiveSampleSize(n, A.lag1, B.lag1);
    const test = bestLagTest(best.r, best.lag, n, nEff, maxLag, normalization);
    const out: LagPairResult = {
      a: ctx.ids[a],
      b: ctx.ids[b],
      bestLag: best.lag,
      bestR: finiteOrNull(best.r),
      n,
      nEff,
      band: nEff > 0 ? z / Math.sqrt(nEff) : null,
      pBestLag: finiteOrNull(test.p),
      qBestLag: null,
      effectiveLags: test.effectiveLags,
      atEdge: peakAtEdge(best.lag, maxLag),
      reason: null,
    };
    if (includeCurves) {
      out.r = toJsonArray(curve);
    }
    return out;
  });
  // q over the lag pairs analysed: the family is every pair with a best-lag p-value.
  const adjust = ctx.request.significance?.adjust ?? DEFAULTS.adjust;
  const q = adjustPValues(
    results.map((r) => r.pBestLag ?? NaN),
    adjust
  );
  results.forEach((r, k) => {
    r.qBestLag = finiteOrNull(q[k]);
  });
  const res: LagsResult = {
    maxLag,
    stepMs: ctx.stepMs,
    convention: LAG_CONVENTION,
    normalization,
    prewhiten,
    algorithm: fft ? 'fft' : 'direct',
    alpha: ctx.alpha,
    adjust,
    pairs: results,
  };
  const N = ctx.ids.length;
  if (pairs.length === (N * (N - 1)) / 2 && pairs.every(([a, b]) => a < b)) {
    const bl = new Float64Array(N * N).fill(NaN);
    const br = new Float64Array(N * N).fill(NaN);
    results.forEach((r, k) => {
      const [a, b] = pairs[k];
      bl[a * N + b] = numberOrNaN(r.bestLag);
      bl[b * N + a] = numberOrNaN(reverseLag(r.bestLag));
      br[a * N + b] = br[b * N + a] = numberOrNaN(r.bestR);
    });
    res.ids = ctx.ids;
    res.bestLagMatrix = bl;
    res.bestRMatrix = br;
  }
  return res;
}
