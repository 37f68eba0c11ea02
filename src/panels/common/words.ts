/** Plain-language statements about a pair, written once so the matrix and lag panels agree. */
import { formatCount, formatDuration, formatP, formatR } from './format';

/**
 * Who leads whom, from a best lag in seconds under the contract's convention
 * (positive: A leads B). "cache_miss_ratio leads feature_psi by 2m".
 */
export function leadPhrase(a: string, b: string, lagSeconds: number | null | undefined): string {
  if (lagSeconds === null || lagSeconds === undefined || !Number.isFinite(lagSeconds)) {
    return `no lag computed for ${a} and ${b}`;
  }
  if (lagSeconds === 0) {
    return `${a} and ${b} move together (best lag 0)`;
  }
  return lagSeconds > 0 ? `${a} leads ${b} by ${formatDuration(lagSeconds)}` : `${b} leads ${a} by ${formatDuration(-lagSeconds)}`;
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
  bestLagSeconds: number | null;
  reason?: string | null;
}

/** One line for the drill-down: "A leads B by 2m; r = 0.85 (CI 0.80-0.89), q < 0.001, n_eff 41". */
export function pairSentence(x: PairNumbers, decimals = 2): string {
  if (x.r === null || !Number.isFinite(x.r)) {
    return `No correlation for ${x.a} and ${x.b}${x.reason ? ` (${x.reason.replace(/_/g, ' ')})` : ''}.`;
  }
  const lead = x.bestLagSeconds === null ? `${x.a} and ${x.b}` : leadPhrase(x.a, x.b, x.bestLagSeconds);
  const ci = x.ciLow !== null && x.ciHigh !== null ? ` (CI ${formatR(x.ciLow, decimals)}–${formatR(x.ciHigh, decimals)})` : '';
  const sig = x.q !== null ? `q ${qText(x.q)}` : x.p !== null ? `p ${qText(x.p)} (not adjusted)` : 'no p-value';
  const n = x.nEff !== null ? `n_eff ${formatCount(x.nEff)}` : `n ${formatCount(x.n)}`;
  return `${lead}; r = ${formatR(x.r, decimals)}${ci}, ${sig}, ${n}`;
}

function qText(v: number): string {
  const t = formatP(v);
  return t.startsWith('<') ? t : `= ${t}`;
}
