import { averageRanks } from '../rank/averageRanks';
import { PairCorrelation, pearsonPair } from './pearsonPair';

/**
 * Spearman's rho of one pair: Pearson r of the average ranks of the pairwise-complete observations.
 * The common rows are re-ranked, as pandas' nancorr_spearman and scipy.stats.spearmanr on the
 * complete pairs do, so ranks always run 1..n for the rows actually compared.
 */
export function spearmanPair(x: Float64Array, y: Float64Array, minOverlap: number): PairCorrelation {
  const len = Math.min(x.length, y.length);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < len; t++) {
    if (Number.isFinite(x[t]) && Number.isFinite(y[t])) {
      xs.push(x[t]);
      ys.push(y[t]);
    }
  }
  return pearsonPair(averageRanks(xs), averageRanks(ys), minOverlap);
}
