/**
 * Drift of a Prometheus histogram in PromQL, from the same `_bucket` counters the data source reads.
 *
 * Counts of a window are `increase()` of each bucket; the cumulative fraction of bucket `le` is its
 * count over the `+Inf` bucket's count. Because every bucket of a histogram is scraped together, the
 * extrapolation `increase()` applies is the same factor for all of them and cancels in the fraction.
 *
 *   KS  = max over le of |F_now(le) − F_base(le)|           (exact from cumulative buckets)
 *   PSI = Σ_i (p_i − q_i) · ln(p_i / q_i)                   p, q per-bucket proportions, a zero → ε
 *
 * PSI needs per-bucket proportions, i.e. bucket i minus bucket i−1. PromQL cannot pair a series with
 * "the next `le`" from data, but it can when the bounds are written into the rule: the previous
 * bucket's series are relabelled to the next bound with `label_replace` (highest first, so a relabelled
 * series is never matched again) and subtracted `on(le)`. So PSI is exact given the bucket layout, and
 * must be regenerated if the layout changes; KS needs no layout.
 */
import { AlertInputError } from '../problems';
import { DEFAULTS, type DriftBaseline, type HistogramDrift } from '../spec';
import { durationLiteral, labelName, numberLiteral, stringLiteral, wellFormed } from './literals';
import { formatSelector, Matcher, Selector } from './userExpr';

/** Where a window's counts are read: a range, shifted back by an offset or pinned with `@`. */
interface CountWindow {
  rangeSeconds: number;
  offsetSeconds?: number;
  /** Evaluation time pinned with `@` (unix seconds). */
  atSeconds?: number;
}

function windowSuffix(w: CountWindow): string {
  let s = `[${durationLiteral(w.rangeSeconds, 'drift window')}]`;
  if (w.atSeconds !== undefined) {
    s += ` @ ${numberLiteral(w.atSeconds, 'fixed baseline end')}`;
  }
  if (w.offsetSeconds) {
    s += ` offset ${durationLiteral(w.offsetSeconds, 'baseline offset')}`;
  }
  return s;
}

/**
 * The baseline's count windows for the current window of length w (the engine's baselineRange, in
 * PromQL). A preceding baseline is k whole windows, each its own `increase()`, summed: that is how the
 * engine tiles it from per-window increases, and it stays equal at any evaluation time, where one
 * `increase()` over k·w would extrapolate differently from the sum of k.
 */
export function baselineWindows(baseline: DriftBaseline, windowSeconds: number): CountWindow[] {
  switch (baseline.kind) {
    case 'preceding': {
      const k = baseline.factor ?? DEFAULTS.precedingFactor;
      if (!Number.isInteger(k) || k < 1 || k > 24) {
        throw new AlertInputError(`preceding baseline factor must be a whole number from 1 to 24, got ${k}`);
      }
      return Array.from({ length: k }, (_, j) => ({
        rangeSeconds: windowSeconds,
        offsetSeconds: (j + 1) * windowSeconds,
      }));
    }
    case 'shifted':
      return [{ rangeSeconds: windowSeconds, offsetSeconds: baseline.shiftSeconds }];
    case 'fixed': {
      if (!(baseline.to > baseline.from)) {
        throw new AlertInputError('fixed baseline needs from < to');
      }
      return [{ rangeSeconds: (baseline.to - baseline.from) / 1000, atSeconds: baseline.to / 1000 }];
    }
    case 'static':
      throw new AlertInputError(
        'a static (JSON) baseline is not expressible in PromQL: a rule can only compare the histogram with its own past',
        'not_expressible',
        'use a preceding, shifted (1d/7d) or fixed-range baseline'
      );
  }
}

function groupBy(labels: string[], extra: string[] = []): string {
  const all = [...extra, ...labels];
  return all.length ? ` by (${all.join(', ')})` : '';
}

/** Bucket selector with extra matchers; the user's own `le` matchers are refused (the rule picks buckets). */
function buckets(selector: Selector, extra: Matcher[]): string {
  if (selector.matchers.some((m) => m.label === 'le')) {
    throw new AlertInputError('the histogram selector must not match on "le": the rule reads every bucket');
  }
  const metric = selector.metric.replace(/_bucket$/, '');
  return formatSelector({ metric: `${metric}_bucket`, matchers: [...selector.matchers, ...extra] });
}

/** Counts per bucket (or in total) over the windows, summed per label set. */
function counts(
  selector: Selector,
  labels: string[],
  windows: CountWindow[],
  extra: Matcher[] = [],
  byLe = true
): string {
  const terms = windows.map(
    (w) => `sum${groupBy(labels, byLe ? ['le'] : [])} (increase(${buckets(selector, extra)}${windowSuffix(w)}))`
  );
  return terms.length === 1 ? terms[0] : `(${terms.join(' + ')})`;
}

const INF: Matcher = { label: 'le', op: '=', value: '+Inf' };

/** Observations in the window per label set (the `+Inf` bucket), only where there are some. */
function total(selector: Selector, labels: string[], w: CountWindow[]): string {
  return `(${counts(selector, labels, w, [INF], false)} > 0)`;
}

/** F(le): cumulative fraction per bucket, labels (le, labels...). */
function cumulativeFraction(selector: Selector, labels: string[], w: CountWindow[]): string {
  return `(${counts(selector, labels, w)} / ignoring(le) group_left() ${total(selector, labels, w)})`;
}

export function ksExpr(selector: Selector, labels: string[], drift: HistogramDrift): string {
  const now: CountWindow[] = [{ rangeSeconds: drift.windowSeconds }];
  const base = baselineWindows(drift.baseline ?? { kind: 'preceding' }, drift.windowSeconds);
  return `max${groupBy(labels)} (abs(${cumulativeFraction(selector, labels, now)} - ${cumulativeFraction(selector, labels, base)}))`;
}

/** Anchored regex matching exactly `text` (label_replace anchors its regex). */
function exactRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Checked, ascending bucket bounds ending with +Inf. */
function bucketBounds(le: string[] | undefined): string[] {
  if (!le || le.length < 2) {
    throw new AlertInputError(
      'PSI needs the histogram\'s bucket bounds ("le", at least two, ending with "+Inf") written into the rule',
      'invalid',
      'use KS, which needs no bucket layout'
    );
  }
  const bounds = le.map((v) => wellFormed(String(v), 'le bound').trim());
  const values = bounds.map((v) => (v === '+Inf' ? Infinity : Number(v)));
  values.forEach((v, i) => {
    if (Number.isNaN(v) || (i > 0 && !(v > values[i - 1]))) {
      throw new AlertInputError(`le bounds must be numbers in ascending order; got ${JSON.stringify(le)}`);
    }
  });
  if (values[values.length - 1] !== Infinity) {
    throw new AlertInputError('the last le bound must be "+Inf"');
  }
  return bounds;
}

/**
 * Per-bucket proportions with a zero replaced by ε (the engine's rule: only exact zeros), labels
 * (le, labels...). Negative differences (resets seen in one bucket only) are clamped to 0 as the engine does.
 */
function proportions(
  selector: Selector,
  labels: string[],
  w: CountWindow[],
  bounds: string[],
  epsilon: string
): string {
  const finite = bounds.slice(0, -1);
  const cumulative = counts(selector, labels, w);
  // Each bucket but the last, relabelled to the next bound, highest first.
  let previous = counts(selector, labels, w, [{ label: 'le', op: '!=', value: '+Inf' }]);
  for (let i = finite.length - 1; i >= 0; i--) {
    previous = `label_replace(${previous}, "le", ${stringLiteral(bounds[i + 1].replace(/\$/g, '$$$$'))}, "le", ${stringLiteral(exactRegex(finite[i]))})`;
  }
  const on = `on(${['le', ...labels].join(', ')})`;
  const perBucket = `clamp_min((${cumulative} - ${on} ${previous}) or ${on} ${cumulative}, 0)`;
  const p = `(${perBucket} / ignoring(le) group_left() ${total(selector, labels, w)})`;
  return `(${p} + (${p} == bool 0) * ${epsilon})`;
}

export function psiExpr(selector: Selector, labels: string[], drift: HistogramDrift): string {
  const bounds = bucketBounds(drift.le);
  const epsilon = drift.epsilon ?? DEFAULTS.psiEpsilon;
  if (!(epsilon > 0 && epsilon < 1)) {
    throw new AlertInputError(`PSI epsilon must be in (0, 1), got ${epsilon}`);
  }
  const eps = numberLiteral(epsilon, 'PSI epsilon');
  const now: CountWindow[] = [{ rangeSeconds: drift.windowSeconds }];
  const base = baselineWindows(drift.baseline ?? { kind: 'preceding' }, drift.windowSeconds);
  const p = proportions(selector, labels, now, bounds, eps);
  const q = proportions(selector, labels, base, bounds, eps);
  return `sum${groupBy(labels)} ((${p} - ${q}) * ln(${p} / ${q}))`;
}

/** The drift score of a histogram signal as an instant vector with labels `labels`. */
export function driftScoreExpr(selector: Selector, labels: string[], drift: HistogramDrift): string {
  labels.forEach((l) => labelName(l, 'histogram label'));
  if (labels.includes('le')) {
    throw new AlertInputError('"le" is the bucket label; it cannot be kept apart');
  }
  durationLiteral(drift.windowSeconds, 'drift window');
  return (drift.score ?? 'ks') === 'psi' ? psiExpr(selector, labels, drift) : ksExpr(selector, labels, drift);
}
