/**
 * A pair (a matrix cell or a lag curve) as an alert request: Pearson r of the two signals over the
 * analysis window, |r| >= 0.7 by default, with the best lag when it is significant. Says why when the
 * pair cannot become a rule (no provenance, not Prometheus, two data sources, Spearman/Kendall, a
 * static drift baseline). Pure: the dialog renders what this returns.
 */
import {
  alertSignalFrom,
  buildAlertRules,
  type AlertBuild,
  type AlertRequest,
  type CorrelationMethod,
} from '../../../alerting';
import type { SignalInfo, SignalProvenance } from '../../../shared/frameContract';
import { formatDuration } from '../format';
import type { LagChoice } from './lagChoice';
import { signalDefinition } from './signalDefinition';

export const DEFAULT_ABS_R = 0.7;
/** The drift window the data source uses when a signal sets none (DEFAULT_DRIFT_WINDOW_STEPS). */
const DEFAULT_DRIFT_WINDOW_STEPS = 5;

export interface PairSide {
  name: string;
  labels: Record<string, string>;
  provenance?: SignalProvenance;
}

/** One side of a pair from the signal the frame lists under `name` (absent: no provenance, said in the dialog). */
export function pairSide(name: string, signal: Pick<SignalInfo, 'labels' | 'provenance'> | undefined): PairSide {
  return { name, labels: signal?.labels ?? {}, provenance: signal?.provenance };
}

export interface PairAlertInput {
  a: PairSide;
  b: PairSide;
  method: CorrelationMethod;
  /** The analysis window (the dashboard range), ms. */
  windowMs: number;
  /** The analysis grid step, ms. */
  stepMs: number;
  lag: LagChoice;
  /** |r| threshold (default 0.7). */
  threshold?: number;
  /** Signals the matrix controlled for (partial correlation), if any. */
  controls?: string[];
}

export type PairAlert =
  | { ok: true; request: AlertRequest; build: Extract<AlertBuild, { ok: true }>; summary: string; notices: string[] }
  | {
      ok: false;
      reasons: string[];
      /** Offer Pearson on the same pair (the method is what PromQL cannot compute). */ offerPearson: boolean;
    };

const PROMETHEUS = 'prometheus';

function sourceProblems(a: PairSide, b: PairSide): string[] {
  const reasons: string[] = [];
  for (const side of [a, b]) {
    const p = side.provenance;
    if (!p) {
      reasons.push(
        `${side.name} has no provenance: the panel computed it from plain time series, so the query behind it is unknown. Query the InfraDrift data source to create alerts from its cells.`
      );
    } else if (!p.datasource) {
      reasons.push(`${side.name}: the data source it ran on could not be resolved.`);
    } else if (p.datasource.type !== PROMETHEUS) {
      reasons.push(
        `${side.name} comes from a ${p.datasource.type} data source; alert rules need PromQL on a Prometheus data source (Prometheus, Mimir, Thanos).`
      );
    }
  }
  const [ua, ub] = [a.provenance?.datasource?.uid, b.provenance?.datasource?.uid];
  if (reasons.length === 0 && ua !== ub) {
    reasons.push(`${a.name} and ${b.name} come from two data sources; one rule runs in one Prometheus.`);
  }
  return reasons;
}

/**
 * The longest window a rule gets from a panel. WHY: a rule re-reads its whole window at every evaluation,
 * and r over 30 days moves so slowly that an incident would show hours after it began; a day keeps the
 * daily cycle in the window without either cost.
 */
export const MAX_RULE_WINDOW_SECONDS = 86_400;

/** Whole seconds, at least `min`: rule windows and steps are Prometheus durations. */
function seconds(ms: number, min: number): number {
  return Math.max(min, Math.round(ms / 1000));
}

export function pairAlert(input: PairAlertInput): PairAlert {
  const { a, b } = input;
  const reasons = sourceProblems(a, b);
  if (reasons.length > 0) {
    return { ok: false, reasons, offerPearson: false };
  }
  const stepSeconds = seconds(input.stepMs, 1);
  // A window of whole steps, as the analysis grid holds it, at most MAX_RULE_WINDOW_SECONDS.
  const rangeSteps = Math.max(2, Math.floor(seconds(input.windowMs, 0) / stepSeconds));
  const windowSeconds =
    Math.min(rangeSteps, Math.max(2, Math.floor(MAX_RULE_WINDOW_SECONDS / stepSeconds))) * stepSeconds;
  const options = { stepSeconds, defaultWindowSteps: DEFAULT_DRIFT_WINDOW_STEPS };
  const sa = alertSignalFrom(signalDefinition(a.provenance!), a, options);
  const sb = alertSignalFrom(signalDefinition(b.provenance!), b, options);
  const threshold = input.threshold ?? DEFAULT_ABS_R;
  const request: AlertRequest = {
    datasource: { uid: a.provenance!.datasource!.uid, type: PROMETHEUS },
    rules: [
      {
        type: 'correlation',
        name: `${a.name} vs ${b.name}`.replace(/[^\p{L}\p{N}]+/gu, ' ').trim() || 'InfraDrift pair',
        a: sa.signal,
        b: sb.signal,
        method: input.method,
        windowSeconds,
        stepSeconds,
        lagSeconds: input.lag.seconds,
        threshold: { kind: 'abs', value: threshold },
      },
    ],
  };
  const build = buildAlertRules(request);
  if (!build.ok) {
    return {
      ok: false,
      reasons: build.problems.map((p) => (p.suggestion ? `${p.message}. Instead: ${p.suggestion}.` : p.message)),
      offerPearson: build.problems.some((p) => p.code === 'not_expressible') && input.method !== 'pearson',
    };
  }
  const notices = [...sa.notices, ...sb.notices, ...build.notices];
  if (windowSeconds < rangeSteps * stepSeconds) {
    notices.unshift(
      `The dashboard range is ${formatDuration(rangeSteps * stepSeconds)}; the rule uses the last ${formatDuration(windowSeconds)}. A longer window reacts to an incident hours late and costs more to evaluate every step; change windowSeconds in the files if you want it.`
    );
  }
  if (input.controls?.length) {
    notices.unshift(
      `The matrix shows partial correlations given ${input.controls.join(', ')}; the rule computes the plain Pearson r (PromQL cannot control for other signals).`
    );
  }
  const summary = `Fires when Pearson r of ${a.name} and ${b.name} over the last ${formatDuration(windowSeconds)} (${input.lag.why}) stays at ${build.alerts[0].thresholdText} for ${build.alerts[0].alertForm.for}.`;
  return { ok: true, request, build, summary, notices };
}
