import { reasonCodeOf, type ReasonCode, type ReasonMatrix } from '../contract/cells';
import type { Checkpoint } from '../util/cancel';
import { denseRanks } from '../rank/denseRanks';
import { kendallTau, KendallStats } from './kendallTau';

export interface KendallMatrix {
  r: Float64Array;
  n: Float64Array;
  reason: ReasonMatrix;
  /** Upper-triangle statistics for p-values, keyed i*N+j (i < j). */
  stats: Map<number, KendallStats>;
}

/**
 * Kendall tau-b matrix over pairwise-complete observations, O(N^2 n log n) total. Each series is
 * dense-ranked once; dense ranks of the full series are valid order-preserving ranks on any subset,
 * so pairs never re-sort raw values.
 */
export function kendallMatrix(series: Float64Array[], minOverlap: number, checkpoint?: Checkpoint): KendallMatrix {
  const N = series.length;
  const ranks = series.map((x) => denseRanks(x));
  const r = new Float64Array(N * N).fill(NaN);
  const n = new Float64Array(N * N);
  const reason: ReasonMatrix = new Uint8Array(N * N);
  const stats = new Map<number, KendallStats>();
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const s = kendallTau(ranks[i].ranks, ranks[j].ranks, ranks[j].unique, ranks[i].unique);
      n[i * N + j] = n[j * N + i] = s.size;
      let why: ReasonCode | null = null;
      if (s.size < Math.max(2, minOverlap)) {
        why = i === j ? 'too_few_points' : 'insufficient_overlap';
      } else if (!Number.isFinite(s.tau)) {
        why = 'constant';
      }
      reason[i * N + j] = reason[j * N + i] = reasonCodeOf(why);
      if (why === null) {
        r[i * N + j] = r[j * N + i] = i === j ? 1 : s.tau;
        if (i !== j) {
          stats.set(i * N + j, s);
        }
      }
    }
    checkpoint?.tick(N - i);
  }
  return { r, n, reason, stats };
}
