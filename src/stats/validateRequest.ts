import { CONTRACT_VERSION, type AnalyzeRequest, type EngineWarning, type SeriesInput } from './contract';
import { DEFAULTS } from './defaults';
import { validateOptions } from './validateOptions';

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || v instanceof Float64Array || ArrayBuffer.isView(v);
}

/** Given values that become missing: +-Infinity and non-numbers (null and NaN stand for missing already). */
function unusableValues(vals: ArrayLike<unknown>): number {
  let bad = 0;
  if (vals instanceof Float64Array) {
    // Numbers only: just the infinities, without a type test per value (series of 10^4-10^5 points).
    for (let i = 0; i < vals.length; i++) {
      if (vals[i] === Infinity || vals[i] === -Infinity) {
        bad++;
      }
    }
    return bad;
  }
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (typeof v === 'number' && !Number.isNaN(v) && !Number.isFinite(v)) {
      bad++;
    } else if (v !== null && typeof v !== 'number') {
      bad++;
    }
  }
  return bad;
}

/**
 * Checks the untrusted request (it may come from JSON, a worker message or a CSV) and keeps only
 * usable series. Never throws: every problem becomes a warning. Returns null when nothing can be done.
 */
export function validateRequest(input: unknown, warnings: EngineWarning[]): AnalyzeRequest | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    warnings.push({ code: 'INVALID_REQUEST', message: 'request must be an object {version: 1, series: [...]}' });
    return null;
  }
  const req = input as Partial<AnalyzeRequest> & Record<string, unknown>;
  if (req.version === undefined) {
    warnings.push({ code: 'INVALID_REQUEST', message: `request has no version; assuming ${CONTRACT_VERSION}` });
  } else if (req.version !== CONTRACT_VERSION) {
    warnings.push({
      code: 'UNSUPPORTED_VERSION',
      message: `request version ${String(req.version)} is not supported (this engine speaks ${CONTRACT_VERSION})`,
    });
    return null;
  }
  // A drift-only request (histograms, no plain series) is fine when it fixes the grid itself.
  const driftOnly =
    Array.isArray(req.drift?.series) &&
    req.drift!.series.length > 0 &&
    typeof req.grid?.stepMs === 'number' &&
    typeof req.grid?.start === 'number' &&
    typeof req.grid?.end === 'number';
  if (!Array.isArray(req.series) || (req.series.length === 0 && !driftOnly)) {
    warnings.push({
      code: 'NO_SERIES',
      message: 'request.series must be a non-empty array (or drift series with grid start, end and stepMs)',
    });
    return null;
  }
  const seen = new Set<string>();
  const series: SeriesInput[] = [];
  req.series.forEach((raw, idx) => {
    const s = raw as Partial<SeriesInput> | null;
    if (typeof s !== 'object' || s === null || !isArrayLike(s.values)) {
      warnings.push({ code: 'INVALID_REQUEST', message: `series[${idx}] needs a values array; skipped` });
      return;
    }
    const id = typeof s.id === 'string' && s.id !== '' ? s.id : `series${idx}`;
    if (id !== s.id) {
      warnings.push({ code: 'INVALID_REQUEST', message: `series[${idx}] has no string id; named '${id}'`, series: id });
    }
    if (seen.has(id)) {
      warnings.push({
        code: 'DUPLICATE_SERIES_ID',
        message: `series id '${id}' appears more than once; later copies skipped`,
        series: id,
      });
      return;
    }
    if (s.timestamps !== undefined && !isArrayLike(s.timestamps)) {
      warnings.push({
        code: 'INVALID_REQUEST',
        message: `series '${id}' timestamps must be an array; skipped`,
        series: id,
      });
      return;
    }
    seen.add(id);
    const vals = s.values as ArrayLike<unknown>;
    const inf = unusableValues(vals);
    if (inf > 0) {
      warnings.push({
        code: 'NON_FINITE_VALUES',
        message: `${inf} infinite or non-numeric values treated as missing`,
        series: id,
      });
    }
    if (vals.length === 0) {
      warnings.push({ code: 'EMPTY_SERIES', message: 'series has no values', series: id });
    }
    series.push({ ...(s as SeriesInput), id });
  });
  if (series.length === 0 && !driftOnly) {
    warnings.push({ code: 'NO_SERIES', message: 'no usable series in the request' });
    return null;
  }
  if (!validateOptions(req, series, warnings)) {
    return null;
  }
  const maxSeries = req.limits?.maxSeries ?? DEFAULTS.limits.maxSeries;
  if (series.length > maxSeries) {
    warnings.push({
      code: 'LIMIT_EXCEEDED',
      message: `${series.length} series exceed limits.maxSeries = ${maxSeries}; only the first ${maxSeries} are analysed`,
    });
    series.length = maxSeries;
  }
  return { ...(req as AnalyzeRequest), version: CONTRACT_VERSION, series };
}
