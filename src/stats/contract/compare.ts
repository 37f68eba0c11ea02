/**
 * The compare section of the engine contract: an incident window judged against a baseline window of the
 * same signals (docs/engine.md, "Compare"). `request.compare` asks for it; `result.compare` answers:
 *   - what changed: per signal a change score, an effect size and a p-value honest for autocorrelation,
 *     with q-values across signals;
 *   - the correlation change: the baseline and incident matrices and Δr with a Fisher z test that uses each
 *     window's effective sample size;
 *   - per target (model) signal: its links in the incident (plain and partial r, the honest lead), and one
 *     verdict: infrastructure / data drift / confounded / inconclusive / no change, with its evidence.
 *
 * Windows are half-open (from, to] in ms, like PromQL ranges and the drift baselines.
 */
import type { FlatMatrix, ReasonCode } from './cells';

/** Which window the incident is compared with (the drift baselines without the static one). */
export type CompareBaseline =
  /** The k-times-longer window just before the incident (default k = 4). */
  | { kind: 'preceding'; factor?: number }
  /** The same window one period earlier (1 d / 7 d or any ms), to cancel daily or weekly seasonality. */
  | { kind: 'shifted'; shift: '1d' | '7d' | number }
  /** A fixed range in ms. */
  | { kind: 'fixed'; from: number; to: number };

/** What a signal is, for the verdict. */
export type SignalRole = 'model' | 'infrastructure' | 'control';

export interface CompareRequest {
  /** The incident window (from, to] in ms. */
  incident: { from: number; to: number };
  /** Default { kind: 'preceding', factor: 4 }. */
  baseline?: CompareBaseline;
  /**
   * Series ids that get a verdict: the model signals (drift scores, accuracy, conversion, or any signal
   * the user judges by). Drift series appended by `drift.correlate` are named by their correlation id.
   */
  targets: string[];
  /**
   * Series ids to partial out before a link counts (e.g. request rate). Default: `partial.controls`.
   * Controls are never named as the infrastructure behind a verdict; they name a confounder.
   */
  controls?: string[];
  /** Series ids that can be named as infrastructure. Default: every series that is neither a target nor a control. */
  infrastructure?: string[];
  /** Largest lag in steps for the lead/lag read inside the incident. Default min(10, incident points / 4). */
  maxLag?: number;
  /** Level for "changed", "moves with" and "leads". Default `significance.alpha` (0.05). */
  alpha?: number;
  /** Effective points each window needs before a verdict is given. Default 10. */
  minEffective?: number;
  /** Include the baseline, incident and Δr matrices (N×N, for the incident page). Default true. */
  includeMatrices?: boolean;
}

export interface WindowRange {
  from: number;
  to: number;
  /** Grid points inside the window. */
  points: number;
}

/** A two-sample test of one signal between the windows. */
export interface ChangeTest {
  statistic: number | null;
  /** Two-sided p, with each window's effective size (lag-1 autocorrelation within the window). */
  p: number | null;
}

export interface SignalChange {
  id: string;
  name: string;
  role: SignalRole;
  baselineMean: number | null;
  incidentMean: number | null;
  /** Effect size: (incident mean − baseline mean) / baseline standard deviation (Glass's Δ). */
  effect: number | null;
  /** Level shift: the mean's shift against the baseline's spread, with effective sizes. statistic = t. */
  level: ChangeTest;
  /** Kolmogorov–Smirnov on the levels. statistic = D. */
  ksLevel: ChangeTest;
  /** Kolmogorov–Smirnov on the first differences (a change in how the signal moves). statistic = D. */
  ksDiff: ChangeTest;
  /** Change score in [0, 1] used for ranking: the larger KS D (levels or differences). */
  score: number | null;
  /** Smallest of the three p-values, Bonferroni-corrected for the three tests (min(1, 3·p_min)). */
  p: number | null;
  /** p adjusted across signals (Benjamini–Hochberg). */
  q: number | null;
  /** Effective points in the baseline and in the incident (levels). */
  nEffBaseline: number | null;
  nEffIncident: number | null;
  /** Why there is no number (too few points, constant in both windows, ...). */
  reason: ReasonCode | null;
}

/** The honest lead/lag read of a target with another signal, inside the incident (src/stats/lags/leadStatement.ts). */
export interface CompareLead {
  /** Lag of the other signal against the target in steps: positive = the other signal leads the target. */
  bestLag: number | null;
  bestR: number | null;
  qBestLag: number | null;
  atEdge: boolean;
  /** 'leads' = the other signal leads the target; 'follows' = the target leads it; 'same-time'; 'no-clear-lead'; 'edge'; 'unavailable'. */
  kind: 'leads' | 'follows' | 'same-time' | 'no-clear-lead' | 'edge' | 'unavailable';
  /** The sentence as every consumer prints it. */
  text: string;
  /** r(k) of the other signal against the target, k = −maxLag..maxLag (index k + maxLag), for the lag chart. */
  curve?: Array<number | null>;
  maxLag?: number;
  /** Pointwise (1 − alpha) band of r(k) under no cross-correlation, ± band. */
  band?: number | null;
}

/** A target with one other signal. */
export interface TargetLink {
  other: string;
  role: SignalRole;
  rBaseline: number | null;
  rIncident: number | null;
  deltaR: number | null;
  /** Fisher z test of Δr with each window's effective size: z and two-sided p. */
  zDelta: number | null;
  pDelta: number | null;
  /** Incident correlation: p with the pair's effective size, q across the target's links. */
  pIncident: number | null;
  qIncident: number | null;
  nEffIncident: number | null;
  /**
   * Incident partial correlation given the controls (absent without controls or for a control itself),
   * at the lead's lag when the other signal leads the target, else at lag 0.
   */
  partialR?: number | null;
  partialQ?: number | null;
  lead: CompareLead;
}

export type VerdictKind = 'infrastructure' | 'data drift' | 'confounded' | 'inconclusive' | 'no change';

export interface Verdict {
  target: string;
  targetName: string;
  kind: VerdictKind;
  /** Infrastructure signals (infrastructure) or controls (confounded) the verdict names, strongest first. */
  named: string[];
  /** For `confounded`: the links that vanish once the controls are partialled out. */
  vanished?: string[];
  /** One plain sentence: "moves with", "leads"; never "causes". */
  sentence: string;
  /** The numbers behind it, as short lines ("cache miss ratio: r 0.82 (q 0.001) in the incident, 0.05 before"). */
  evidence: string[];
  /** For `inconclusive`: the window that would be needed, in ms. */
  neededMs?: number;
}

export interface CompareResult {
  incident: WindowRange;
  baseline: WindowRange;
  alpha: number;
  targets: string[];
  controls: string[];
  /** Every signal, ranked: changed first (by q), then by change score. */
  signals: SignalChange[];
  /** Per target, its links with every other signal, strongest incident link first. */
  links: Record<string, TargetLink[]>;
  verdicts: Verdict[];
  /** Correlation is not causation: said once, for every consumer to print once. */
  caution: string;
  /** Matrices following `ids` (includeMatrices). */
  ids?: string[];
  rBaseline?: FlatMatrix;
  rIncident?: FlatMatrix;
  deltaR?: FlatMatrix;
  /** Two-sided p of Δr (Fisher z, effective sizes) and q (BH over the upper triangle). */
  pDelta?: FlatMatrix;
  qDelta?: FlatMatrix;
}
