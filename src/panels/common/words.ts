/**
 * Plain-language statements about a pair, written once so the matrix and lag panels agree. Who leads
 * whom is not decided here: the engine's leadStatement (src/stats/lags/leadStatement.ts) decides it
 * and writes the sentence, and every panel reads a lead through leadOf.
 */
import { leadStatement, pText, type LeadStatement } from '../../stats';
import { formatCount, formatDuration, formatR } from './format';

/** What the lead decision reads about a pair, as the frames carry it (lags in seconds). */
export interface LeadEvidence {
  a: string;
  b: string;
  /** Seconds; positive: a leads b. */
  bestLagSeconds: number | null;
  bestR: number | null;
  pBestLag: number | null;
  qBestLag: number | null;
  atEdge: boolean | null;
}

/** Where the evidence was computed: the decision's level, the grid step and the lag range (±maxLag steps). */
export interface LeadContext {
  alpha?: number;
  stepMs: number;
  maxLag?: number;
}

function maxLagSeconds(ctx: LeadContext): number | undefined {
  return ctx.maxLag !== undefined && ctx.stepMs > 0 ? (ctx.maxLag * ctx.stepMs) / 1000 : undefined;
}

/** The engine's lead decision and sentence for a pair, a named first; its `lagSteps` are seconds. */
export function leadOf(x: LeadEvidence, ctx: LeadContext): LeadStatement {
  // The frames carry lags in seconds: read one second as the step the engine's sentence counts in.
  return leadStatement(
    {
      a: x.a,
      b: x.b,
      bestLag: x.bestLagSeconds,
      bestR: x.bestR,
      pBestLag: x.pBestLag,
      qBestLag: x.qBestLag,
      atEdge: x.atEdge === true,
      reason: null,
    },
    { alpha: ctx.alpha, stepMs: 1000, maxLag: maxLagSeconds(ctx) }
  );
}

/**
 * The engine's decision in a few words for a chart caption, the leader named first ("cache_miss_ratio
 * leads by 3m"); `fit` shortens a name to the room left, never the lag: the lag is what the caption is for.
 */
export function leadCaption(
  x: LeadEvidence,
  ctx: LeadContext,
  fit: (name: string, room: number) => string,
  maxChars: number
): string {
  const s = leadOf(x, ctx);
  const range = maxLagSeconds(ctx);
  switch (s.kind) {
    case 'leads': {
      const tail = ` leads by ${formatDuration(Math.abs(s.lagSteps!))}`;
      return fit(s.leader!, maxChars - tail.length) + tail;
    }
    case 'same-time':
      return 'moves at the same time (lag 0)';
    case 'edge':
      return `peak at the edge of ${range === undefined ? 'the lag range' : `±${formatDuration(range)}`}: widen the lag range`;
    case 'no-clear-lead':
      return 'no clear lead';
    case 'unavailable':
      return 'no lag';
  }
}

export interface PairNumbers {
  a: string;
  b: string;
  r: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  q: number | null;
  p: number | null;
  nEff: number | null;
  n: number | null;
  reason?: string | null;
  /** The engine's lead statement for the pair, when lags were computed for it. */
  lead?: LeadStatement | null;
}

/**
 * The drill-down's sentence: the correlation, then the engine's lead statement.
 * "A and B: r = 0.85 (CI 0.80–0.89), q < 0.001, n_eff 41. A leads B by 3m (r = 0.62 at that lag, q = 0.004)."
 */
export function pairSentence(x: PairNumbers, decimals = 2): string {
  if (x.r === null || !Number.isFinite(x.r)) {
    return `No correlation for ${x.a} and ${x.b}${x.reason ? ` (${x.reason.replace(/_/g, ' ')})` : ''}.`;
  }
  const ci =
    x.ciLow !== null && x.ciHigh !== null ? ` (CI ${formatR(x.ciLow, decimals)}–${formatR(x.ciHigh, decimals)})` : '';
  const sig = x.q !== null ? `q ${pText(x.q)}` : x.p !== null ? `p ${pText(x.p)} (not adjusted)` : 'no p-value';
  const n = x.nEff !== null ? `n_eff ${formatCount(x.nEff)}` : `n ${formatCount(x.n)}`;
  const lead = x.lead ? ` ${x.lead.text}` : '';
  return `${x.a} and ${x.b}: r = ${formatR(x.r, decimals)}${ci}, ${sig}, ${n}.${lead}`;
}
