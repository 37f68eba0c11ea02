import type { AnalyzeResult, ReasonCode } from './contract';
import { reasonAt } from './contract/cells';
import { lagAsAsked } from './lags/convention';
import { finiteOrNull } from './util/missing';

/** Everything the matrix panel shows for one cell. */
export interface PairStats {
  a: string;
  b: string;
  r: number | null;
  p: number | null;
  q: number | null;
  n: number;
  nEff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  bestLag: number | null;
  bestR: number | null;
  reason: ReasonCode | null;
}

/**
 * Reads cell (a, b) of a result by series id (flat row-major matrices, index i*N + j; NaN there is null here). Best lag comes
 * from the lag section when it was computed for the pair (positive: a leads b). Null when unknown ids.
 */
export function pairStats(result: AnalyzeResult, a: string, b: string): PairStats | null {
  const c = result.correlation;
  if (!c) {
    return null;
  }
  const i = c.ids.indexOf(a);
  const j = c.ids.indexOf(b);
  if (i < 0 || j < 0) {
    return null;
  }
  const N = c.ids.length;
  const k = i * N + j;
  let bestLag: number | null = null;
  let bestR: number | null = null;
  const lagPair = result.lags?.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  if (lagPair) {
    bestR = lagPair.bestR;
    bestLag = lagAsAsked(lagPair.bestLag, lagPair.a, a);
  }
  return {
    a,
    b,
    r: finiteOrNull(c.r[k]),
    p: finiteOrNull(c.p[k]),
    q: finiteOrNull(c.q[k]),
    n: c.n[k],
    nEff: finiteOrNull(c.nEff[k]),
    ciLow: finiteOrNull(c.ciLow[k]),
    ciHigh: finiteOrNull(c.ciHigh[k]),
    bestLag,
    bestR,
    reason: reasonAt(c.reason, k),
  };
}
