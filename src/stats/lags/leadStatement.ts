import type { LagPairResult, LagsResult } from '../contract';
import { DEFAULTS } from '../defaults';
import { lagAsAsked } from './convention';
import { durationText, pText, rText } from './leadWords';

/**
 * The one rule for what may be said about who leads whom. Panels, drill-down, CLI and the incident
 * verdict all read a lag pair through leadDecision / leadStatement, so no consumer can call a best lag
 * a lead on its own terms.
 *
 * | condition (in this order)                           | kind            |
 * |-----------------------------------------------------|-----------------|
 * | no best lag (constant, too little overlap, skipped) | `unavailable`   |
 * | no qBestLag, or qBestLag > alpha                    | `no-clear-lead` |
 * | peak at ±maxLag                                     | `edge`          |
 * | best lag 0                                          | `same-time`     |
 * | otherwise                                           | `leads`         |
 *
 * WHY significance before the edge: a peak that is not significant says nothing about where a
 * peak lies, so "widen the lag range" would be advice drawn from noise (about one null pair in seven
 * peaks at an edge).
 */
export type LeadKind = 'leads' | 'same-time' | 'no-clear-lead' | 'edge' | 'unavailable';

/** What the decision reads from a lag pair (a LagPairResult has all of it). */
export type LeadPair = Pick<
  LagPairResult,
  'a' | 'b' | 'bestLag' | 'bestR' | 'pBestLag' | 'qBestLag' | 'atEdge' | 'reason'
>;

export interface LeadDecision {
  kind: LeadKind;
  /** Ids of the series that leads and the one that follows (kind `leads` only). */
  leader: string | null;
  follower: string | null;
  /** Best lag in steps read with `first` first (positive: `first` leads); null without a best lag. */
  lagSteps: number | null;
  r: number | null;
  p: number | null;
  q: number | null;
}

export interface LeadStatement extends LeadDecision {
  /** One plain sentence ("leads", "moves with", never "causes"). */
  text: string;
}

export interface LeadOptions {
  /** Level for q (default: the result's significance.alpha, else 0.05). */
  alpha?: number;
  /** Id to read first: lagSteps and the sentence name it first where the words allow. Default: pair.a. */
  first?: string;
  /** Grid step in ms, for durations ("leads by 5m"); without it the sentence counts steps. */
  stepMs?: number;
  /** The lag range searched (±maxLag steps), for the edge sentence. */
  maxLag?: number;
  /** Display names by id (a map or a function); ids are used where a name is missing. */
  names?: Readonly<Record<string, string>> | ((id: string) => string | undefined);
}

/** The decision alone (no words): what the incident verdict and any other rule build on. */
export function leadDecision(pair: LeadPair, options: Pick<LeadOptions, 'alpha' | 'first'> = {}): LeadDecision {
  const alpha = options.alpha ?? DEFAULTS.alpha;
  const q = pair.qBestLag ?? null;
  if (pair.bestLag === null || pair.bestR === null) {
    return decision(pair, options, 'unavailable');
  }
  if (q === null || !(q <= alpha)) {
    return decision(pair, options, 'no-clear-lead');
  }
  if (pair.atEdge === true) {
    return decision(pair, options, 'edge');
  }
  if (pair.bestLag === 0) {
    return decision(pair, options, 'same-time');
  }
  // Convention: positive lag, a leads b.
  return pair.bestLag > 0
    ? decision(pair, options, 'leads', pair.a, pair.b)
    : decision(pair, options, 'leads', pair.b, pair.a);
}

/**
 * A decision of `kind` on the pair. WHY a function of the module and every field written out, not a
 * closure or a shared part spread in: every link of a compare takes a decision.
 */
function decision(
  pair: LeadPair,
  options: Pick<LeadOptions, 'first'>,
  kind: LeadKind,
  leader: string | null = null,
  follower: string | null = null
): LeadDecision {
  return {
    kind,
    leader,
    follower,
    lagSteps: pair.bestLag === null ? null : lagAsAsked(pair.bestLag, pair.a, options.first ?? pair.a),
    r: pair.bestR,
    p: pair.pBestLag ?? null,
    q: pair.qBestLag ?? null,
  };
}

/** The decision and its sentence. */
export function leadStatement(pair: LeadPair, options: LeadOptions = {}): LeadStatement {
  const d = leadDecision(pair, options);
  const first = options.first ?? pair.a;
  const [x, y] =
    first === pair.b
      ? [nameOf(pair.b, options), nameOf(pair.a, options)]
      : [nameOf(pair.a, options), nameOf(pair.b, options)];
  const evidence = `r = ${rText(d.r)}, q ${pText(d.q)}`;
  let text: string;
  switch (d.kind) {
    case 'unavailable':
      text = `No lag for ${x} and ${y}${pair.reason ? ` (${pair.reason.replace(/_/g, ' ')})` : ''}.`;
      break;
    case 'no-clear-lead':
      text =
        d.q === null
          ? `No clear lead between ${x} and ${y} (the best lag has no test).`
          : `No clear lead between ${x} and ${y} (strongest lag: ${evidence}).`;
      break;
    case 'edge': {
      const range = options.maxLag !== undefined ? `±${durationText(options.maxLag, options.stepMs)}` : 'the lag range';
      text = `Peak at the edge of ${range}: widen the lag range before reading a lead between ${x} and ${y} (${evidence}).`;
      break;
    }
    case 'same-time':
      text = `${x} moves with ${y} at the same time (${evidence}).`;
      break;
    case 'leads':
      text = `${nameOf(d.leader!, options)} leads ${nameOf(d.follower!, options)} by ${durationText(Math.abs(d.lagSteps!), options.stepMs)} (r = ${rText(d.r)} at that lag, q ${pText(d.q)}).`;
      break;
  }
  const { kind, leader, follower, lagSteps, r, p, q } = d;
  return { kind, leader, follower, lagSteps, r, p, q, text };
}

/** The display name of a series: its name in `options.names`, else its id. */
function nameOf(id: string, options: LeadOptions): string {
  const n = typeof options.names === 'function' ? options.names(id) : options.names?.[id];
  return n !== undefined && n !== '' ? n : id;
}

/**
 * The statement for series a and b of a lag result, read with a first (either orientation of a computed
 * pair); alpha, step and lag range come from the result unless given. Null when the pair was not analysed.
 */
export function pairLeadStatement(
  lags: LagsResult,
  a: string,
  b: string,
  options: Omit<LeadOptions, 'first'> = {}
): LeadStatement | null {
  const pair = lags.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  if (!pair) {
    return null;
  }
  return leadStatement(pair, {
    ...options,
    alpha: options.alpha ?? lags.alpha,
    stepMs: options.stepMs ?? lags.stepMs,
    maxLag: options.maxLag ?? lags.maxLag,
    first: a,
  });
}
