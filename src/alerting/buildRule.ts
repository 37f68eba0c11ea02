/**
 * One rule spec → everything the outputs need: recorded series, the alert condition, the ad hoc
 * (subquery) PromQL, the threshold in Prometheus and Grafana terms, labels and annotations. The
 * output writers (prometheusRules.ts, grafanaRules.ts, alertForm.ts) only arrange these.
 */
import { correlationAnnotations, driftAnnotations, extraAnnotations, thresholdWords, userLabels } from './annotations';
import { ruleNames, RuleNames } from './names';
import { AlertInputError, within } from './problems';
import { durationLiteral, numberLiteral } from './promql/literals';
import { lagged } from './promql/lag';
import { pearsonExpr, recordedExprs, recordedWindow, subqueryWindow, WindowReader } from './promql/pearson';
import { centring, signalExpr } from './promql/signalExpr';
import { AlertThreshold, CorrelationRule, DEFAULTS, DriftRule, AlertRuleSpec } from './spec';

/** A Grafana threshold expression's evaluator. */
export interface GrafanaEvaluator {
  type: 'gte' | 'lte' | 'outside_range_included';
  params: number[];
}

export interface BuiltRule {
  spec: AlertRuleSpec;
  names: RuleNames;
  stepSeconds: number;
  forSeconds: number;
  /** Recording rules, in evaluation order; the last one records the value the alert tests. */
  records: Array<{ record: string; expr: string }>;
  /** The alert condition on the recorded value (keeps the value, so `$value` is r or the score). */
  alertExpr: string;
  /** The value (r or drift score) as one self-contained PromQL expression, for Grafana and ad hoc checks. */
  adhocExpr: string;
  evaluator: GrafanaEvaluator;
  /** Human wording of the threshold. */
  thresholdText: string;
  labels: Record<string, string>;
  /** Annotations given the template text of the value. */
  annotations: (value: string) => Record<string, string>;
  /** Notes for the user (e.g. the Grafana interval was rounded up). */
  notices: string[];
}

function step(spec: AlertRuleSpec): number {
  const s = spec.stepSeconds ?? DEFAULTS.stepSeconds;
  durationLiteral(s, 'evaluation step');
  return s;
}

function forDuration(spec: AlertRuleSpec, stepSeconds: number): number {
  const f = spec.forSeconds ?? DEFAULTS.forSteps * stepSeconds;
  if (!(f >= 0)) {
    throw new AlertInputError(`for must be zero or positive seconds, got ${String(spec.forSeconds)}`);
  }
  if (f > 0) {
    durationLiteral(f, 'for');
  }
  return f;
}

function threshold(rule: CorrelationRule): AlertThreshold {
  const t = rule.threshold ?? DEFAULTS.threshold;
  const ok =
    t.kind === 'abs'
      ? t.value > 0 && t.value <= 1
      : (t.kind === 'above' || t.kind === 'below') && t.value >= -1 && t.value <= 1;
  if (!ok || !Number.isFinite(t.value)) {
    throw new AlertInputError(
      `threshold must be |r| >= v with 0 < v <= 1, or r >= v / r <= v with -1 <= v <= 1; got ${JSON.stringify(t)}`
    );
  }
  return t;
}

function condition(value: string, t: AlertThreshold): string {
  const v = numberLiteral(t.value, 'threshold');
  switch (t.kind) {
    case 'abs':
      return `${value} >= ${v} or ${value} <= ${numberLiteral(-t.value)}`;
    case 'above':
      return `${value} >= ${v}`;
    case 'below':
      return `${value} <= ${v}`;
  }
}

function evaluator(t: AlertThreshold): GrafanaEvaluator {
  switch (t.kind) {
    case 'abs':
      return { type: 'outside_range_included', params: [-t.value, t.value] };
    case 'above':
      return { type: 'gte', params: [t.value] };
    case 'below':
      return { type: 'lte', params: [t.value] };
  }
}

function baseLabels(spec: AlertRuleSpec, names: RuleNames): Record<string, string> {
  return { severity: 'warning', ...userLabels(spec.labels, 'label'), infradrift_rule: names.slug };
}

/**
 * The gates: each side's largest recorded value in the window reaches its level (all of them must
 * hold). Recorded values are centred and rescaled, so the level is too (the same monotone map, so
 * the comparison is unchanged).
 */
function gatesOn(rule: CorrelationRule): ((read: WindowReader) => string) | undefined {
  const gates = rule.gate === undefined ? [] : Array.isArray(rule.gate) ? rule.gate : [rule.gate];
  const tests = gates.map((g, i) => {
    const where = gates.length > 1 ? `gate[${i}]` : 'gate';
    if (!g || typeof g !== 'object' || (g.side !== 'a' && g.side !== 'b')) {
      throw new AlertInputError(`${where}.side must be "a" or "b", got ${JSON.stringify(g?.side)}`);
    }
    const { centre, scale } = centring(rule[g.side].typical);
    const level = numberLiteral((g.atLeast - centre) / scale, `${where}.atLeast`);
    return (read: WindowReader) => `max_over_time(${read(g.side)}) >= ${level}`;
  });
  return tests.length ? (read) => tests.map((test) => test(read)).join(' and ') : undefined;
}

function buildCorrelation(rule: CorrelationRule): BuiltRule {
  const method = rule.method ?? 'pearson';
  if (method !== 'pearson') {
    const title = method[0].toUpperCase() + method.slice(1);
    throw new AlertInputError(
      `${title} correlation is not expressible in PromQL: it needs the ranks of the window's samples, and PromQL has no per-window sort or rank`,
      'not_expressible',
      'use Pearson on the same pair (method "pearson"); it measures linear co-movement, which PromQL can compute exactly'
    );
  }
  const names = ruleNames(rule.name, 'correlation');
  const S = step(rule);
  const W = rule.windowSeconds;
  durationLiteral(W, 'window');
  if (!(W >= 2 * S)) {
    throw new AlertInputError(`window (${W} s) must hold at least two evaluation steps (${S} s)`);
  }
  const notices: string[] = [];
  if (Math.abs(W / S - Math.round(W / S)) > 1e-9) {
    notices.push(`${names.slug}: the window is not a whole number of steps; each window holds floor(W/S)+1 samples`);
  }
  for (const [side, signal] of [
    ['A', rule.a],
    ['B', rule.b],
  ] as const) {
    if (signal?.kind !== 'histogram' && !signal?.typical) {
      notices.push(
        `${names.slug}: signal ${side} has no typical level (mean, std): its values are not centred, so a series whose level is large against its movement (bytes, counts) can lose most digits of r`
      );
    }
  }
  const points = Math.floor(W / S + 1e-9);
  const minSamples = rule.minSamples ?? Math.max(3, Math.floor(DEFAULTS.minSampleShare * points));
  if (!Number.isInteger(minSamples) || minSamples < 3) {
    throw new AlertInputError(`minSamples must be a whole number >= 3, got ${rule.minSamples}`);
  }
  const lag = rule.lagSeconds ?? 0;
  if (!Number.isFinite(lag)) {
    throw new AlertInputError('lag must be a finite number of seconds');
  }
  const a = lagged(signalExpr(rule.a, S, 'signal A'), Math.max(0, lag));
  const b = lagged(signalExpr(rule.b, S, 'signal B'), Math.max(0, -lag));
  const exprs = recordedExprs(a, b, { on: rule.on ?? [], many: rule.many });
  const recorded = { a: names.record('a'), b: names.record('b'), ab: names.record('ab') };
  const t = threshold(rule);
  const r = names.record('r');
  const gate = gatesOn(rule);
  return {
    spec: rule,
    names,
    stepSeconds: S,
    forSeconds: forDuration(rule, S),
    records: [
      { record: recorded.a, expr: exprs.a },
      { record: recorded.b, expr: exprs.b },
      { record: recorded.ab, expr: exprs.ab },
      { record: r, expr: pearsonExpr(recordedWindow(recorded, W), minSamples) },
    ],
    alertExpr: gate ? `(${condition(r, t)}) and ${gate(recordedWindow(recorded, W))}` : condition(r, t),
    adhocExpr: gate
      ? `${pearsonExpr(subqueryWindow(exprs, W, S), minSamples)} and ${gate(subqueryWindow(exprs, W, S))}`
      : pearsonExpr(subqueryWindow(exprs, W, S), minSamples),
    evaluator: evaluator(t),
    thresholdText: thresholdWords(t),
    labels: baseLabels(rule, names),
    annotations: (value) => ({
      ...correlationAnnotations(rule, value, t),
      ...extraAnnotations(rule.annotations, rule.dashboard),
    }),
    notices,
  };
}

function buildDrift(rule: DriftRule): BuiltRule {
  const names = ruleNames(rule.name, 'drift');
  const S = step(rule);
  if (rule.signal?.kind !== 'histogram' || !rule.signal.drift) {
    throw new AlertInputError('a drift rule needs a histogram signal with drift settings');
  }
  const score = rule.signal.drift.score ?? 'ks';
  const t = rule.threshold ?? (score === 'psi' ? DEFAULTS.psiThreshold : DEFAULTS.ksThreshold);
  if (!(Number.isFinite(t) && t > 0)) {
    throw new AlertInputError(`drift threshold must be a positive number, got ${String(rule.threshold)}`);
  }
  const expr = signalExpr({ ...rule.signal, typical: undefined }, S, 'signal');
  const record = names.record(score);
  return {
    spec: rule,
    names,
    stepSeconds: S,
    forSeconds: forDuration(rule, S),
    records: [{ record, expr }],
    alertExpr: `${record} >= ${numberLiteral(t, 'threshold')}`,
    adhocExpr: expr,
    evaluator: { type: 'gte', params: [t] },
    thresholdText: `${score.toUpperCase()} >= ${t}`,
    labels: baseLabels(rule, names),
    annotations: (value) => ({
      ...driftAnnotations(rule, value, score, t),
      ...extraAnnotations(rule.annotations, rule.dashboard),
    }),
    notices: [],
  };
}

/** Builds one rule; input errors come back as AlertInputError naming the rule. */
export function buildRule(spec: AlertRuleSpec, index: number): BuiltRule {
  const label = typeof spec?.name === 'string' && spec.name ? spec.name : `#${index + 1}`;
  return within(`rule ${label}`, () => {
    if (!spec || typeof spec !== 'object') {
      throw new AlertInputError('is not an object');
    }
    if (spec.type === 'correlation') {
      return buildCorrelation(spec);
    }
    if (spec.type === 'drift') {
      return buildDrift(spec);
    }
    throw new AlertInputError(
      `type must be "correlation" or "drift", got ${JSON.stringify((spec as { type?: unknown }).type)}`
    );
  });
}
