/**
 * One signal as an instant vector a rule can record: the user's expression (checked, in
 * parentheses), a counter through `rate()`, a histogram through its drift score; then only finite
 * values (the engine treats NaN and ±Inf as missing, e.g. a 0/0 ratio when traffic stops); then
 * centred and rescaled (see `centring`).
 */
import { AlertInputError, within } from '../problems';
import type { AlertSignal } from '../spec';
import { driftScoreExpr } from './drift';
import { durationLiteral, labelName, numberLiteral, stringLiteral, wellFormed } from './literals';
import { lagged } from './lag';
import { checkedExpression, formatSelector, Matcher, parseSelector } from './userExpr';

/**
 * Why centring is exact. Pearson r is unchanged when A becomes (A − c)/s for any constant c and s > 0.
 * In floating point, dividing by a power of two is exact (only the exponent changes), and A − c is
 * exact whenever c/2 ≤ A ≤ 2c (Sterbenz's lemma), which holds for the typical values of a series
 * when c is its mean; otherwise the shift rounds once, far below the error it removes. What changes
 * is the cancellation in E[AB] − E[A]E[B]: its rounding error grows like (|E[A]|/sd_A)·(|E[B]|/sd_B)·2⁻⁵³,
 * so a series of 2·10⁹ bytes moving by 10⁴ loses 10 digits uncentred and none centred.
 */
export function centring(typical: AlertSignal['typical']): { centre: number; scale: number } {
  if (!typical || !Number.isFinite(typical.mean) || !Number.isFinite(typical.std)) {
    return { centre: 0, scale: 1 };
  }
  const scale = typical.std > 0 ? 2 ** Math.round(Math.log2(typical.std)) : 1;
  return { centre: typical.mean, scale: Number.isFinite(scale) && scale > 0 ? scale : 1 };
}

function aggregate(signal: AlertSignal, expr: string): string {
  const labels = (signal.labels ?? []).map((l) => labelName(l, 'kept label'));
  if (!signal.aggregation) {
    return expr;
  }
  if (!['sum', 'avg', 'min', 'max'].includes(signal.aggregation)) {
    throw new AlertInputError(`aggregation must be sum, avg, min or max, got ${JSON.stringify(signal.aggregation)}`);
  }
  return labels.length ? `${signal.aggregation} by (${labels.join(', ')}) (${expr})` : `${signal.aggregation}(${expr})`;
}

function selectMatchers(select: Record<string, string> | undefined): Matcher[] {
  return Object.entries(select ?? {}).map(([label, value]) => ({
    label: labelName(label, 'selected label'),
    op: '=' as const,
    value: wellFormed(value, `value of ${label}`),
  }));
}

/**
 * Keeps only the series of `expr` whose labels have the selected values. Any PromQL can be filtered
 * this way: `and on(...)` a one-series vector that carries exactly those labels. label_replace reads
 * `$` in its replacement as a group reference, hence `$$`.
 */
function filterByLabels(expr: string, matchers: Matcher[]): string {
  if (matchers.length === 0) {
    return expr;
  }
  let one = 'vector(1)';
  for (const m of matchers) {
    one = `label_replace(${one}, ${stringLiteral(m.label)}, ${stringLiteral(m.value.replace(/\$/g, '$$$$'))}, "", "")`;
  }
  return `(${expr} and on(${matchers.map((m) => m.label).join(', ')}) ${one})`;
}

function baseExpr(signal: AlertSignal, stepSeconds: number): string {
  const matchers = selectMatchers(signal.select);
  switch (signal.kind) {
    case 'gauge':
      return filterByLabels(`(${checkedExpression(signal.expr)})`, matchers);
    case 'counter': {
      const selector = parseSelector(signal.expr, 'counter selector');
      const window = durationLiteral(signal.rateWindowSeconds ?? 2 * stepSeconds, 'rate window');
      const withSelect = { ...selector, matchers: [...selector.matchers, ...matchers] };
      return `rate(${formatSelector(withSelect)}[${window}])`;
    }
    case 'histogram': {
      if (!signal.drift) {
        throw new AlertInputError('a histogram signal needs drift settings (window, baseline, score)');
      }
      const selector = parseSelector(signal.expr, 'histogram selector');
      const labels = (signal.labels ?? []).filter((l) => l !== 'le');
      return driftScoreExpr({ ...selector, matchers: [...selector.matchers, ...matchers] }, labels, signal.drift);
    }
    default:
      throw new AlertInputError(
        `kind must be gauge, counter or histogram, got ${JSON.stringify((signal as AlertSignal).kind)}`
      );
  }
}

/** 'log' and 'diff' as the engine computes them on the grid (diff: x(t) − x(t − S), through the exact lag of pearson.ts). */
function transformed(signal: AlertSignal, expr: string, stepSeconds: number): string {
  switch (signal.transform ?? 'none') {
    case 'none':
      return expr;
    case 'log':
      return `ln(${expr})`;
    case 'diff':
      return `(${expr} - ${lagged(expr, stepSeconds)})`;
    default:
      throw new AlertInputError(`transform must be none, log or diff, got ${JSON.stringify(signal.transform)}`);
  }
}

/** The signal's instant vector: aggregated, finite only, centred and rescaled (no lag: see pearson.ts). */
export function signalExpr(signal: AlertSignal, stepSeconds: number, what: string): string {
  return within(what, () => {
    if (!signal || typeof signal !== 'object') {
      throw new AlertInputError('is missing');
    }
    const base = transformed(signal, aggregate(signal, baseExpr(signal, stepSeconds)), stepSeconds);
    // Drift scores are finite by construction (totals are filtered > 0); everything else is filtered.
    let expr = signal.kind === 'histogram' ? base : `(${base} > -Inf < Inf)`;
    const { centre, scale } = centring(signal.typical);
    if (centre !== 0) {
      expr = `(${expr} - ${numberLiteral(centre, 'centre')})`;
    }
    if (scale !== 1) {
      expr = `(${expr} / ${numberLiteral(scale, 'scale')})`;
    }
    return expr;
  });
}
