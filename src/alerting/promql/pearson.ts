/**
 * Pearson r of two signals over a window, in PromQL (which has no correlation function).
 *
 *   r = (E[AB] − E[A]·E[B]) / (sd_A · sd_B)     population moments top and bottom, so r is exact
 *
 * with E = avg_over_time and sd = stddev_over_time (population) over the window. The moments must
 * come from the same samples, so A, B and A·B are recorded in one rule group (evaluated at one
 * timestamp) and each is masked by the other side (`and`): a time where one side is missing is
 * missing for all three. r is then:
 *   - clamped to [−1, 1] (rounding can step just outside);
 *   - absent, never NaN or ±Inf, when a side is constant in the window (the sd product must be > 0);
 *   - absent when the window holds fewer than `minSamples` shared samples (right after a rule is
 *     loaded, two samples give |r| = 1).
 * Windows are PromQL ranges: on Prometheus 2.x `x[W]` at t holds samples in [t − W, t] (W/S + 1 of
 * them), on 3.x (t − W, t] (W/S). The lag is applied before recording, so the window always pairs
 * A(t − lag) with B(t).
 */
import { durationLiteral, labelName } from './literals';

export interface PairMatching {
  /** Labels the sides are matched on. */
  on: string[];
  /** The side with several series per `on` value, if any. */
  many?: 'a' | 'b';
}

export interface RecordedExprs {
  a: string;
  b: string;
  ab: string;
}

/**
 * Expressions to record for A, B and A·B; all three carry the same labels (those of `on`, or of the
 * `many` side) so the r formula needs no matching clauses.
 */
export function recordedExprs(a: string, b: string, match: PairMatching): RecordedExprs {
  const on = `on(${match.on.map((l) => labelName(l, 'matching label')).join(', ')})`;
  if (match.many === 'a') {
    return { a: `${a} and ${on} ${b}`, b: `0 * ${a} + ${on} group_left() ${b}`, ab: `${a} * ${on} group_left() ${b}` };
  }
  if (match.many === 'b') {
    return { a: `0 * ${b} + ${on} group_left() ${a}`, b: `${b} and ${on} ${a}`, ab: `${b} * ${on} group_left() ${a}` };
  }
  // One-to-one: `and` keeps a side's own labels; summing the single match per label set reduces them to `on`.
  const by = match.on.length ? `sum by (${match.on.join(', ')})` : 'sum';
  return { a: `${by} (${a} and ${on} ${b})`, b: `${by} (${b} and ${on} ${a})`, ab: `${a} * ${on} ${b}` };
}

/** How r's formula reads one recorded quantity over the window: a recorded series or a subquery. */
export type WindowReader = (which: keyof RecordedExprs) => string;

/** From recorded series: `name[W]`. */
export function recordedWindow(names: RecordedExprs, windowSeconds: number): WindowReader {
  const w = durationLiteral(windowSeconds, 'window');
  return (which) => `${names[which]}[${w}]`;
}

/** Ad hoc, without recording rules: `(expr)[W:S]` (subquery points sit on multiples of S). */
export function subqueryWindow(exprs: RecordedExprs, windowSeconds: number, stepSeconds: number): WindowReader {
  const range = `[${durationLiteral(windowSeconds, 'window')}:${durationLiteral(stepSeconds, 'step')}]`;
  return (which) => `(${exprs[which]})${range}`;
}

/** r over the window, clamped, guarded against constant sides and short windows. */
export function pearsonExpr(read: WindowReader, minSamples: number): string {
  const cov = `avg_over_time(${read('ab')}) - avg_over_time(${read('a')}) * avg_over_time(${read('b')})`;
  const sds = `(stddev_over_time(${read('a')}) * stddev_over_time(${read('b')}) > 0)`;
  return `clamp((${cov}) / ${sds}, -1, 1) and count_over_time(${read('ab')}) >= ${minSamples}`;
}
