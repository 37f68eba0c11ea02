import type { EngineWarning } from './contract';
import { DRIFT_METHODS } from './drift/thresholds';

/**
 * Option checks of the request: every option the engine reads, with the values it accepts. An option
 * outside them is an error (code UNKNOWN_OPTION, the message names what is accepted) and nothing is
 * analysed. WHY refuse instead of falling back to a default: a result computed with `holm` silently
 * replaced by `fdr_bh`, or alpha 5 by 0.05, is a wrong answer the user cannot tell from a right one.
 */

type Check = (v: unknown) => boolean;

interface OptionRule {
  /** Dotted path in the request, e.g. 'significance.adjust'. */
  path: string;
  /** What the option accepts, in words for the message. */
  accepts: string;
  ok: Check;
  /** A choice among names: the message says "unknown <option> '<value>'". */
  choice?: boolean;
}

const oneOf = (path: string, values: readonly string[]): OptionRule => ({
  path,
  accepts: `one of ${values.map((v) => `'${v}'`).join(', ')}`,
  ok: (v) => typeof v === 'string' && values.includes(v),
  choice: true,
});
const bool = (path: string): OptionRule => ({ path, accepts: 'true or false', ok: (v) => typeof v === 'boolean' });
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const atLeast = (path: string, min: number): OptionRule => ({
  path,
  accepts: `a number >= ${min}`,
  ok: (v) => finite(v) && v >= min,
});
const positive = (path: string): OptionRule => ({ path, accepts: 'a positive number', ok: (v) => finite(v) && v > 0 });

/** The one list of option values the engine accepts (documented in docs/engine.md, "Request"). */
export const OPTION_RULES: readonly OptionRule[] = [
  positive('grid.stepMs'),
  { path: 'grid.start', accepts: 'a finite number of ms', ok: finite },
  { path: 'grid.end', accepts: 'a finite number of ms', ok: finite },
  oneOf('align.aggregation', ['mean', 'last']),
  oneOf('align.fill', ['none', 'previous', 'linear']),
  atLeast('align.maxGap', 0),
  atLeast('align.minOverlap', 2),
  oneOf('correlation.method', ['pearson', 'spearman', 'kendall']),
  bool('correlation.enabled'),
  { path: 'significance.alpha', accepts: 'a number strictly between 0 and 1', ok: (v) => finite(v) && v > 0 && v < 1 },
  oneOf('significance.adjust', ['fdr_bh', 'bonferroni', 'none']),
  oneOf('significance.autocorrelation', ['bretherton', 'none']),
  atLeast('lags.maxLag', 0),
  bool('lags.all'),
  oneOf('lags.normalization', ['biased', 'adjusted']),
  oneOf('lags.prewhiten', ['none', 'difference']),
  oneOf('lags.algorithm', ['auto', 'fft', 'direct']),
  bool('lags.includeCurves'),
  oneOf('clustering.linkage', ['average', 'complete', 'single']),
  oneOf('clustering.distance', ['abs', 'signed']),
  bool('clustering.enabled'),
  positive('limits.maxSeries'),
  positive('limits.maxPoints'),
  atLeast('limits.maxLag', 0),
  atLeast('limits.maxLagPairs', 0),
  positive('limits.maxKendallWork'),
  bool('includeAligned'),
  { path: 'compare.alpha', accepts: 'a number strictly between 0 and 1', ok: (v) => finite(v) && v > 0 && v < 1 },
  atLeast('compare.maxLag', 0),
  atLeast('compare.minEffective', 4),
  bool('compare.includeMatrices'),
];

const SECTIONS = [
  'grid',
  'align',
  'transforms',
  'correlation',
  'significance',
  'partial',
  'lags',
  'clustering',
  'limits',
  'drift',
  'compare',
];

export const TRANSFORM_TYPES = ['none', 'diff', 'rate', 'rollingMean', 'zscore', 'log'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own property only: a section or option never comes from Object.prototype. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function describe(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
}

/** Problems of one transform spec or chain (empty when fine). */
function transformProblems(spec: unknown, where: string): string[] {
  if (spec === undefined) {
    return [];
  }
  const chain = Array.isArray(spec) ? spec : [spec];
  const out: string[] = [];
  chain.forEach((t: unknown) => {
    const type = isObject(t) ? own(t, 'type') : undefined;
    if (!isObject(t) || typeof type !== 'string' || !(TRANSFORM_TYPES as readonly string[]).includes(type)) {
      out.push(`${where}: unknown transform ${describe(t)}; accepted types: ${TRANSFORM_TYPES.join(', ')}`);
      return;
    }
    if (type === 'rollingMean') {
      const window = own(t, 'window');
      const minPeriods = own(t, 'minPeriods');
      if (!(finite(window) && window >= 1)) {
        out.push(`${where}: rollingMean needs window, a number >= 1 (got ${describe(window)})`);
      } else if (minPeriods !== undefined && !(finite(minPeriods) && minPeriods >= 1 && minPeriods <= window)) {
        out.push(`${where}: rollingMean minPeriods must be a number from 1 to window (got ${describe(minPeriods)})`);
      }
    }
    if (type === 'log' && own(t, 'offset') !== undefined && !finite(own(t, 'offset'))) {
      out.push(`${where}: log offset must be a finite number (got ${describe(own(t, 'offset'))})`);
    }
  });
  return out;
}

/**
 * Checks every option of the request and pushes one UNKNOWN_OPTION warning per bad value. Returns
 * false when any option is bad: the caller then analyses nothing.
 */
export function validateOptions(
  req: Record<string, unknown>,
  series: ReadonlyArray<{ id: string; transform?: unknown }>,
  warnings: EngineWarning[]
): boolean {
  const problems: Array<{ message: string; series?: string }> = [];
  for (const name of SECTIONS) {
    const section = own(req, name);
    if (section !== undefined && !isObject(section)) {
      problems.push({ message: `${name} must be an object (got ${describe(section)})` });
    }
  }
  for (const rule of OPTION_RULES) {
    const [section, key] = rule.path.includes('.') ? rule.path.split('.') : [null, rule.path];
    const holder = section === null ? req : own(req, section);
    if (!isObject(holder)) {
      continue;
    }
    const v = own(holder, key);
    if (v !== undefined && !rule.ok(v)) {
      const shown = typeof v === 'string' ? `'${v}'` : describe(v);
      problems.push({
        message: rule.choice
          ? `unknown ${rule.path.replace('.', ' ')} ${shown} (${rule.path}); use ${rule.accepts}`
          : `${rule.path} ${shown} is not accepted; use ${rule.accepts}`,
      });
    }
  }
  const transforms = own(req, 'transforms');
  if (isObject(transforms)) {
    problems.push(
      ...transformProblems(own(transforms, 'default'), 'transforms.default').map((message) => ({ message }))
    );
    const bySeries = own(transforms, 'bySeries');
    if (bySeries !== undefined && !isObject(bySeries)) {
      problems.push({
        message: `transforms.bySeries must be an object keyed by series id (got ${describe(bySeries)})`,
      });
    } else if (bySeries) {
      for (const id of Object.keys(bySeries)) {
        problems.push(
          ...transformProblems(bySeries[id], `transforms.bySeries['${id}']`).map((message) => ({ message, series: id }))
        );
      }
    }
  }
  for (const s of series) {
    problems.push(
      ...transformProblems(s.transform, `series '${s.id}' transform`).map((message) => ({ message, series: s.id }))
    );
  }
  const drift = own(req, 'drift');
  const driftSeries = isObject(drift) ? own(drift, 'series') : undefined;
  if (Array.isArray(driftSeries)) {
    for (const d of driftSeries) {
      const methods = isObject(d) ? own(d, 'methods') : undefined;
      if (methods === undefined) {
        continue;
      }
      const bad = Array.isArray(methods)
        ? methods.filter((m) => !(DRIFT_METHODS as readonly unknown[]).includes(m))
        : [methods];
      if (bad.length > 0) {
        const id = isObject(d) && typeof d.id === 'string' ? d.id : undefined;
        problems.push({
          message: `drift methods ${describe(bad)} are not accepted; use an array of ${DRIFT_METHODS.join(', ')}`,
          series: id,
        });
      }
    }
  }
  for (const p of problems) {
    warnings.push({
      code: 'UNKNOWN_OPTION',
      message: `${p.message}; nothing analysed`,
      ...(p.series !== undefined ? { series: p.series } : {}),
    });
  }
  return problems.length === 0;
}
