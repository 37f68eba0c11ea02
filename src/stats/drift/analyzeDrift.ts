/**
 * The `drift` section of analyze(): rolling drift per requested series on the analysis grid, with the
 * latest score and its level, and optionally the drift score series appended to the correlation input
 * so drift can be correlated with CPU throttling, cache-miss rate, etc.
 *
 * Kept out of analyze.ts on purpose: analyze only calls `analyzeDrift` and `appendDriftSeries`.
 */
import type { DriftMethodResult, DriftRequest, DriftResult, DriftSeriesResult } from '../contract/drift';
import type { SeriesSummary } from '../contract/result';
import type { EngineWarning } from '../contract/warnings';
import { lag1Autocorrelation } from '../significance/lag1Autocorrelation';
import { isConstant } from '../util/isConstant';
import { meanStd } from '../util/meanStd';
import { toJsonArray } from '../util/missing';
import { ownValue } from '../util/ownValue';
import { unitScaled } from '../util/unitScale';
import { DEFAULT_PRECEDING_FACTOR } from './baseline';
import { DriftGrid, DriftInput, rollingDrift } from './rolling';
import { driftSeriesId, driftSeriesName } from './seriesId';
import { DEFAULT_THRESHOLDS, DRIFT_METHODS, driftLevel, DriftMethod } from './thresholds';

/** What analyze() needs to append drift scores to the correlation input. */
export interface DriftOutput {
  result: DriftResult;
  extra: Array<{ id: string; name: string; values: Float64Array }>;
}

const DEFAULT_WINDOW_STEPS = 10;

function defaultMethods(kind: DriftInput['kind']): DriftMethod[] {
  return kind === 'categorical' ? ['chiSquared', 'psi'] : ['psi', 'ks', 'wassersteinNormalized'];
}

/** Runs every drift series. Malformed entries become INVALID_REQUEST warnings and are skipped. */
export function analyzeDrift(request: DriftRequest, grid: DriftGrid, warnings: EngineWarning[]): DriftOutput {
  const result: DriftResult = { series: [] };
  const extra: DriftOutput['extra'] = [];
  if (!request || !Array.isArray(request.series)) {
    warnings.push({ code: 'INVALID_REQUEST', message: 'drift.series must be an array' });
    return { result, extra };
  }
  for (const s of request.series) {
    const kind = s?.input?.kind;
    if (typeof s?.id !== 'string' || (kind !== 'histogram' && kind !== 'categorical' && kind !== 'samples')) {
      warnings.push({
        code: 'INVALID_REQUEST',
        message: 'drift series needs an id and input.kind histogram | categorical | samples',
      });
      continue;
    }
    const methods = (s.methods ?? defaultMethods(kind)).filter((m) => DRIFT_METHODS.includes(m));
    if (methods.length === 0) {
      warnings.push({ code: 'INVALID_REQUEST', message: `drift series '${s.id}' has no known method`, series: s.id });
      continue;
    }
    const baseline = s.baseline ?? { kind: 'preceding', factor: DEFAULT_PRECEDING_FACTOR };
    const windowMs = s.windowMs ?? DEFAULT_WINDOW_STEPS * grid.stepMs;
    const rolled = rollingDrift(s.input, grid, {
      windowMs,
      baseline,
      methods,
      bins: s.bins,
      epsilon: s.epsilon,
      firstLowerBound: s.firstLowerBound,
    });
    const methodResults = methods.map((m): DriftMethodResult => {
      const scores = rolled.scores[m]!;
      const p = m === 'ks' || m === 'chiSquared' ? rolled.pValues[m] : undefined;
      const threshold = ownValue(s.thresholds, m) ?? DEFAULT_THRESHOLDS[m];
      let latest: DriftMethodResult['latest'] = null;
      for (let i = scores.length - 1; i >= 0; i--) {
        if (!Number.isNaN(scores[i])) {
          const pv = p && !Number.isNaN(p[i]) ? p[i] : null;
          latest = {
            index: i,
            time: grid.start + i * grid.stepMs,
            score: scores[i],
            pValue: pv,
            level: driftLevel(scores[i], pv ?? undefined, threshold),
          };
          break;
        }
      }
      return { method: m, scores: toJsonArray(scores), ...(p ? { pValues: toJsonArray(p) } : {}), latest, threshold };
    });
    const out: DriftSeriesResult = {
      id: s.id,
      name: typeof s.name === 'string' ? s.name : s.id,
      kind,
      windowMs,
      baseline,
      methods: methodResults,
      warnings: rolled.warnings,
    };
    if (request.correlate) {
      out.correlationId = driftSeriesId(s.id, methods[0]);
      extra.push({
        id: out.correlationId,
        name: driftSeriesName(out.name, methods[0]),
        values: rolled.scores[methods[0]]!,
      });
    }
    result.series.push(out);
  }
  return { result, extra };
}

/**
 * Appends drift score series to analyze()'s correlation input (ids, values, summaries) and returns the
 * extended lag-1 array. Drift series are already on the grid and get no transform.
 */
export function appendDriftSeries(
  extra: DriftOutput['extra'],
  ids: string[],
  values: Float64Array[],
  summaries: SeriesSummary[],
  lag1: Float64Array,
  minOverlap: number,
  includeAligned = false
): Float64Array {
  if (extra.length === 0) {
    return lag1;
  }
  const out = new Float64Array(lag1.length + extra.length);
  out.set(lag1);
  extra.forEach((e, k) => {
    const ms = meanStd(e.values);
    const scaled = unitScaled(e.values);
    const l1 = lag1Autocorrelation(scaled);
    out[lag1.length + k] = l1;
    ids.push(e.id);
    values.push(scaled);
    summaries.push({
      id: e.id,
      name: e.name,
      count: ms.count,
      mean: Number.isFinite(ms.mean) ? ms.mean : null,
      std: Number.isFinite(ms.std) ? ms.std : null,
      lag1: Number.isFinite(l1) ? l1 : null,
      status:
        ms.count === 0
          ? 'all_missing'
          : ms.count < minOverlap
            ? 'too_few_points'
            : isConstant(e.values)
              ? 'constant'
              : 'ok',
      transforms: [],
      ...(includeAligned ? { values: toJsonArray(e.values) } : {}),
    });
  });
  return out;
}
