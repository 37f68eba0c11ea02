/**
 * What a user asks for: a threshold on the correlation of a pair, or on the drift of a histogram.
 * Signals take the shape the data source already uses (`SignalQuery`: an expression, a kind, a
 * legend, the labels kept apart), so a matrix cell or a lag curve can be turned into a rule
 * (see fromSignal.ts). Times are in seconds; labels and text are free and get escaped on the way out.
 */

export type AlertSignalKind = 'gauge' | 'counter' | 'histogram';

export type DriftScore = 'ks' | 'psi';

/** Which distribution the current window of a histogram is compared with (all expressible with `offset`/`@`). */
export type DriftBaseline =
  /** The `factor`-times longer range just before the window: (t − w − k·w, t − w]. The plugin's default (k = 4). */
  | { kind: 'preceding'; factor?: number }
  /** The same window `shiftSeconds` earlier, e.g. 86400 to compare with yesterday. */
  | { kind: 'shifted'; shiftSeconds: number }
  /** A fixed range (ms since epoch, as the plugin stores it), via the `@` modifier. */
  | { kind: 'fixed'; from: number; to: number }
  /** A fixed distribution from JSON: not expressible in PromQL (refused with a message). */
  | { kind: 'static' };

export interface HistogramDrift {
  /** Default 'ks' (exact from cumulative buckets); 'psi' needs `le`. */
  score?: DriftScore;
  /** Window w of the current distribution, seconds. */
  windowSeconds: number;
  /** Default { kind: 'preceding', factor: 4 }. */
  baseline?: DriftBaseline;
  /**
   * The histogram's bucket bounds as Prometheus writes them (`"0.5"`, `"+Inf"`), ascending. Required
   * for PSI: PSI needs per-bucket proportions, i.e. adjacent buckets subtracted, and PromQL can only
   * pair buckets whose `le` values are written into the rule.
   */
  le?: string[];
  /** PSI's replacement for an empty bucket's proportion (default 1e-4, as the engine). */
  epsilon?: number;
}

export interface AlertSignal {
  /**
   * gauge: any PromQL returning an instant vector. counter: a counter selector (`metric{...}`), read
   * through `rate()`. histogram: the histogram's metric with optional matchers (`recsys_feature_value{feature="x"}`).
   */
  expr: string;
  kind: AlertSignalKind;
  /** Display name in annotations (the legend shown in the matrix). */
  name?: string;
  /**
   * Labels the signal keeps: the expression is aggregated `<aggregation> by (labels)` when an
   * aggregation is given; histograms keep them apart (`sum by (le, labels)`).
   */
  labels?: string[];
  /** Aggregation to `labels` (default none: the expression already returns one series per label set). */
  aggregation?: 'sum' | 'avg' | 'min' | 'max';
  /**
   * Per-point transform the plugin applied before correlating, in PromQL: 'log' is `ln()` (values
   * <= 0 drop out, as in the engine), 'diff' subtracts the value one step earlier. A z-score leaves
   * r unchanged and needs nothing.
   */
  transform?: 'none' | 'log' | 'diff';
  /** Fixed label values selecting one series (a matrix cell's series); added as matchers to selectors. */
  select?: Record<string, string>;
  /** counter: window of `rate()`, seconds (default two evaluation steps). */
  rateWindowSeconds?: number;
  /** histogram: how its drift score is computed. */
  drift?: HistogramDrift;
  /**
   * The signal's typical level and spread (the engine's series summary `mean`/`std`), used to centre
   * and rescale the recorded values so E[AB] − E[A]E[B] does not cancel (see docs/alerting.md).
   */
  typical?: { mean: number; std: number };
}

/** A threshold on r (or on a drift score). */
export type AlertThreshold =
  /** |r| ≥ value (the default, value 0.7). */
  | { kind: 'abs'; value: number }
  /** r ≥ value. */
  | { kind: 'above'; value: number }
  /** r ≤ value. */
  | { kind: 'below'; value: number };

/** Link back to where the rule came from. */
export interface DashboardLink {
  /** Absolute http(s) URL shown in annotations. */
  url?: string;
  /** Grafana dashboard uid and panel id (Grafana links the rule to the panel with these). */
  uid?: string;
  panelId?: number;
}

interface CommonRule {
  /** Unique within the request; names the rule, its recorded series and its group. */
  name: string;
  /** Evaluation step S in seconds (rule group interval and subquery resolution). Default 60. */
  stepSeconds?: number;
  /** `for` duration in seconds (default 5 steps). */
  forSeconds?: number;
  /** Extra alert labels (e.g. severity, team). */
  labels?: Record<string, string>;
  /** Extra annotations (e.g. runbook_url). Free text; escaped as template literals. */
  annotations?: Record<string, string>;
  dashboard?: DashboardLink;
}

export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';

export interface CorrelationRule extends CommonRule {
  type: 'correlation';
  a: AlertSignal;
  b: AlertSignal;
  /** Default 'pearson'; Spearman and Kendall are refused as not expressible in PromQL. */
  method?: CorrelationMethod;
  /** Window W in seconds. */
  windowSeconds: number;
  /**
   * Lag in seconds with the engine's sign: positive means A leads B (the rule reads A `offset` lag),
   * negative means B leads A (B is read `offset` |lag|). Default 0.
   */
  lagSeconds?: number;
  /** Default { kind: 'abs', value: 0.7 }. */
  threshold?: AlertThreshold;
  /** Labels A and B are matched on (default none: each side is one series). */
  on?: string[];
  /** Which side may have several series per `on` value (one-to-many matching). Default neither. */
  many?: 'a' | 'b';
  /** Fewest shared samples in the window for r to exist (default 3/4 of the window's points). */
  minSamples?: number;
  /**
   * Alert only while a side is material: its largest value in the window is at least `atLeast`
   * (in the signal's own units, e.g. drift KS >= 0.15). Two quiet, autocorrelated series reach
   * |r| >= 0.7 by chance (few effective samples); the gate asks for the effect to exist first.
   * A list gates several sides, all of which must hold: "A moves with B" then needs A itself to
   * leave its normal range too, so a material step in B that happens to line up with A's ordinary
   * daily trend does not count.
   */
  gate?: CorrelationGate | CorrelationGate[];
}

/** A side of a correlation rule that must reach a level in the window (see `CorrelationRule.gate`). */
export interface CorrelationGate {
  side: 'a' | 'b';
  atLeast: number;
}

export interface DriftRule extends CommonRule {
  type: 'drift';
  signal: AlertSignal;
  /** Threshold on the score (above, default 0.2 for KS, 0.25 for PSI). */
  threshold?: number;
}

export type AlertRuleSpec = CorrelationRule | DriftRule;

export interface AlertRequest {
  rules: AlertRuleSpec[];
  /** The Prometheus data source in Grafana (provisioning and alert form). */
  datasource: { uid: string; type?: string };
  /** Grafana folder of the provisioned rules (default "InfraDrift"). */
  folder?: string;
  /** Grafana organisation (default 1). */
  orgId?: number;
}

export const DEFAULTS = {
  stepSeconds: 60,
  forSteps: 5,
  threshold: { kind: 'abs', value: 0.7 } as AlertThreshold,
  ksThreshold: 0.2,
  psiThreshold: 0.25,
  precedingFactor: 4,
  psiEpsilon: 1e-4,
  minSampleShare: 0.75,
  folder: 'InfraDrift',
  orgId: 1,
  /** Grafana evaluates rule groups on multiples of 10 s. */
  grafanaBaseIntervalSeconds: 10,
} as const;
