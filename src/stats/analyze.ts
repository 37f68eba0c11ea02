import {
  CONTRACT_VERSION,
  type AnalyzeHooks,
  type AnalyzeRequest,
  type AnalyzeResult,
  type SeriesSummary,
} from './contract';
import { DEFAULTS } from './defaults';
import { alignSeries } from './align/alignSeries';
import { lag1Autocorrelation } from './significance/lag1Autocorrelation';
import { clusterStage } from './stages/clusterStage';
import { compareStage } from './stages/compareStage';
import type { StageContext } from './stages/context';
import { correlationStage } from './stages/correlationStage';
import { lagStage } from './stages/lagStage';
import { partialStage } from './stages/partialStage';
import { applyTransforms, toChain } from './transforms/applyTransforms';
import { analyzeDrift, appendDriftSeries } from './drift/analyzeDrift';
import { CancelledError } from './util/cancel';
import { runGramSteps, runGramStepsSplit, type GramSteps } from './correlation/gramSteps';
import type { GramHelper } from './correlation/gramSplit';
import { isConstant } from './util/isConstant';
import { meanStd } from './util/meanStd';
import { toJsonArray } from './util/missing';
import { ownValue } from './util/ownValue';
import { scaledByPow2, unitExponent } from './util/unitScale';
import { validateRequest } from './validateRequest';

/**
 * The single entry point of the engine: align -> transform -> correlation + significance ->
 * partial -> lags -> clustering. Request and result are plain JSON-serialisable objects (see
 * src/stats/contract.ts and docs/engine.md). Never throws: bad input, limits and cancellation
 * become `warnings`; an unexpected bug becomes an INTERNAL_ERROR warning.
 */
export function analyze(request: AnalyzeRequest | unknown, hooks?: AnalyzeHooks): AnalyzeResult {
  const result = emptyResult();
  try {
    runGramSteps(run(request, hooks, result));
  } catch (e) {
    recordFailure(e, result);
  }
  return result;
}

/**
 * analyze() with the correlation matrix's Gram product shared with a second thread when it is large
 * (correlation/gramSplit.ts): the same result to rounding (1e-15), sooner on a machine with two free cores.
 * Resolves, never rejects; a helper that fails only costs the time it saved.
 */
export async function analyzeSplit(
  request: AnalyzeRequest | unknown,
  hooks: AnalyzeHooks | undefined,
  helper: GramHelper
): Promise<AnalyzeResult> {
  const result = emptyResult();
  try {
    await runGramStepsSplit(run(request, hooks, result), helper);
  } catch (e) {
    recordFailure(e, result);
  }
  return result;
}

function emptyResult(): AnalyzeResult {
  return {
    version: CONTRACT_VERSION,
    engine: { name: 'infradrift-stats', contract: CONTRACT_VERSION },
    grid: null,
    series: [],
    warnings: [],
    cancelled: false,
    timingsMs: {},
  };
}

/** Cancellation and unexpected errors become warnings; sections computed so far stay in the result. */
function recordFailure(e: unknown, result: AnalyzeResult): void {
  if (e instanceof CancelledError) {
    result.cancelled = true;
    result.warnings.push({
      code: 'CANCELLED',
      message: 'analysis cancelled by the caller; sections computed so far are returned',
    });
  } else {
    result.warnings.push({
      code: 'INTERNAL_ERROR',
      message: `internal error: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

function timed<T>(result: AnalyzeResult, stage: string, fn: () => T): T {
  const t0 = Date.now();
  try {
    return fn();
  } finally {
    result.timingsMs[stage] = Date.now() - t0;
  }
}

/** The stages, as steps that yield the correlation matrix's Gram product to the caller's driver. */
function* run(input: unknown, hooks: AnalyzeHooks | undefined, result: AnalyzeResult): GramSteps<void> {
  const warnings = result.warnings;
  const request = validateRequest(input, warnings);
  if (!request) {
    return;
  }
  const align = request.align ?? {};
  const minOverlap = Math.max(2, Math.floor(align.minOverlap ?? DEFAULTS.minOverlap));
  const aligned = timed(result, 'align', () =>
    alignSeries(
      request.series,
      request.grid,
      {
        aggregation: align.aggregation ?? DEFAULTS.aggregation,
        fill: align.fill ?? DEFAULTS.fill,
        maxGap: Math.floor(align.maxGap ?? DEFAULTS.maxGap),
      },
      request.limits?.maxPoints ?? DEFAULTS.limits.maxPoints,
      warnings
    )
  );
  result.grid = aligned.grid;
  const stepMs = aligned.grid?.stepMs ?? 1000;
  hooks?.onProgress?.(0.05, 'align');

  const ids = request.series.map((s) => s.id);
  const values: Float64Array[] = [];
  const lag1 = new Float64Array(ids.length);
  const summaries: SeriesSummary[] = request.series.map((s, i) => {
    const chain = toChain(ownValue(request.transforms?.bySeries, s.id) ?? s.transform ?? request.transforms?.default);
    const tr = applyTransforms(aligned.values[i], chain, stepMs, s.id, warnings);
    // The stages square and multiply values: extreme magnitudes go in scaled (util/unitScale.ts).
    const exponent = unitExponent(tr.values);
    const scaled = scaledByPow2(tr.values, exponent);
    values.push(scaled);
    const ms = meanStd(tr.values, exponent);
    lag1[i] = lag1Autocorrelation(scaled);
    let status: SeriesSummary['status'] = 'ok';
    if (ms.count === 0) {
      status = 'all_missing';
      if (s.values.length > 0) {
        warnings.push({
          code: 'ALL_MISSING',
          message: 'series has no finite value on the grid (after transforms)',
          series: s.id,
        });
      }
    } else if (ms.count < minOverlap) {
      status = 'too_few_points';
      warnings.push({
        code: 'TOO_FEW_POINTS',
        message: `series has ${ms.count} finite points, fewer than minOverlap = ${minOverlap}`,
        series: s.id,
      });
    } else if (isConstant(tr.values)) {
      status = 'constant';
      warnings.push({
        code: 'CONSTANT_SERIES',
        message: 'series is constant; its correlations are undefined',
        series: s.id,
      });
    }
    const summary: SeriesSummary = {
      id: s.id,
      name: typeof s.name === 'string' ? s.name : s.id,
      count: ms.count,
      mean: Number.isFinite(ms.mean) ? ms.mean : null,
      std: Number.isFinite(ms.std) ? ms.std : null,
      lag1: Number.isFinite(lag1[i]) ? lag1[i] : null,
      status,
      transforms: tr.applied,
    };
    if (request.includeAligned) {
      summary.values = toJsonArray(tr.values);
    }
    return summary;
  });
  result.series = summaries;
  if (request.includeAligned && result.grid) {
    const g = result.grid;
    g.timestamps = Array.from({ length: g.length }, (_, i) => g.start + i * g.stepMs);
  }
  if (!aligned.grid) {
    return;
  }
  // Drift section (src/stats/drift/analyzeDrift.ts): scores on the grid, optionally correlated too.
  let lag1All: Float64Array = lag1;
  if (request.drift !== undefined) {
    const grid = aligned.grid;
    const drift = timed(result, 'drift', () => analyzeDrift(request.drift!, grid, warnings));
    result.drift = drift.result;
    lag1All = appendDriftSeries(drift.extra, ids, values, summaries, lag1, minOverlap, request.includeAligned === true);
  }
  const alpha = request.significance?.alpha;
  const ctx: StageContext = {
    request,
    hooks,
    warnings,
    ids,
    values,
    summaries,
    lag1: lag1All,
    stepMs,
    minOverlap,
    alpha: alpha ?? DEFAULTS.alpha,
  };

  let r: Float64Array | null = null;
  const wantClusters = request.clustering !== undefined && request.clustering.enabled !== false;
  if (request.correlation?.enabled !== false || wantClusters) {
    const t0 = Date.now();
    const out = yield* correlationStage(ctx);
    result.timingsMs.correlation = Date.now() - t0;
    r = out.r;
    if (request.correlation?.enabled !== false) {
      result.correlation = out.result;
    }
  }
  hooks?.onProgress?.(0.5, 'correlation');
  const partial = timed(result, 'partial', () => partialStage(ctx));
  if (partial) {
    result.partial = partial;
  }
  const lags = timed(result, 'lags', () => lagStage(ctx));
  if (lags) {
    result.lags = lags;
  }
  hooks?.onProgress?.(0.9, 'lags');
  if (r) {
    const clusters = timed(result, 'clustering', () => clusterStage(ctx, r as Float64Array));
    if (clusters) {
      result.clustering = clusters;
    }
  }
  const compare = timed(result, 'compare', () => compareStage(ctx, aligned.grid!.length, aligned.grid!.start));
  if (compare) {
    result.compare = compare;
  }
  hooks?.onProgress?.(1, 'done');
}
